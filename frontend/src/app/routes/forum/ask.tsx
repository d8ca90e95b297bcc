import { useSearchParams } from 'react-router';

import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useMe } from '@/features/auth/api/get-me';
import { AskForm } from '@/features/forum/components/ask-form';

const ID = /^[1-9][0-9]{0,14}$/;

export function ForumAskRoute() {
  const [params] = useSearchParams();
  const me = useMe();
  const campaign = params.get('campaign') ?? '';
  const section = params.get('section') ?? '';
  return (
    <>
      <PageHeader title="Новый вопрос" />
      {me.data ? (
        <AskForm
          role={me.data.role}
          campaignId={ID.test(campaign) ? Number(campaign) : undefined}
          sectionId={ID.test(section) ? Number(section) : undefined}
        />
      ) : (
        <Loading />
      )}
    </>
  );
}
