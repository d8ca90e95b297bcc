import { PageHeader } from '@/components/ui/page-header';
import { useMe } from '@/features/auth/api/get-me';
import { MyCampaigns } from '@/features/cabinet/components/my-campaigns';
import { LatestPublications } from '@/features/publications/components/latest-publications';

/**
 * The personal account (личный кабинет): the account's campaigns with the stage under way and its
 * deadline, and the newest publications.
 */
export function CabinetRoute() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Личный кабинет" subtitle={me.data?.displayName} />
      <div className="cabinet-layout" data-testid="cabinet">
        <MyCampaigns />
        <LatestPublications />
      </div>
    </>
  );
}
