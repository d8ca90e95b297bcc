import type { ReactNode } from 'react';
import { useParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useDesignCampaign } from '@/features/forms/api/get-design-campaign';
import { useForm } from '@/features/forms/api/get-form';
import { ownsForm } from '@/features/forms/components/campaign-forms';
import { FormDesigner } from '@/features/forms/components/designer/form-designer';
import type { Me } from '@/types/api';

import { CoordinatorsOnly } from '../coordinators-only';
import { NotFoundRoute } from '../not-found';

const positive = (value: string | undefined) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/**
 * Forms are defined by the federal organizer, and by a region for its own region (seed 003
 * 11.4/12: the objectivity analysis approved by the regional ministry; createForm, updateForm).
 */
function DesignersOnly({ children }: { children: (account: Me) => ReactNode }) {
  return (
    <CoordinatorsOnly>
      {(account: Me) =>
        account.role === 'FEDERAL' || account.role === 'REGIONAL' ? (
          children(account)
        ) : (
          <NoRights text="Формы сбора данных определяют федеральный организатор и регион." />
        )
      }
    </CoordinatorsOnly>
  );
}

function NoRights({ text }: { text: string }) {
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">Недостаточно прав</p>
      <p className="alert__text">{text}</p>
    </div>
  );
}

function Designer({
  campaignId,
  formId,
  account,
}: {
  campaignId: number;
  formId?: number;
  account: Me;
}) {
  const campaign = useDesignCampaign(campaignId);
  const form = useForm({ formId: formId ?? 0, queryConfig: { enabled: formId !== undefined } });
  if (campaign.isPending || (formId !== undefined && form.isPending)) return <Loading />;
  if (campaign.isError)
    return <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (formId !== undefined && form.isError) {
    return <ErrorMessage error={form.error} onRetry={() => void form.refetch()} />;
  }
  return (
    <FormDesigner
      key={form.data?.version ?? 'new'}
      campaignId={campaignId}
      campaignTitle={campaign.data.title}
      campaignKind={campaign.data.kind}
      subjects={campaign.data.subjects}
      form={formId !== undefined ? form.data : undefined}
      regional={account.role === 'REGIONAL'}
      timeZone={account.timeZone ?? 'Europe/Moscow'}
    />
  );
}

/** «Новая форма» of a campaign. */
export function NewFormRoute() {
  const campaignId = positive(useParams().campaignId);
  if (campaignId === undefined) return <NotFoundRoute />;
  return (
    <DesignersOnly>
      {(account) => <Designer campaignId={campaignId} account={account} />}
    </DesignersOnly>
  );
}

/** The next version of a published form. */
export function FormDesignRoute() {
  const formId = positive(useParams().formId);
  if (formId === undefined) return <NotFoundRoute />;
  return (
    <DesignersOnly>{(account) => <FormCampaign formId={formId} account={account} />}</DesignersOnly>
  );
}

function FormCampaign({ formId, account }: { formId: number; account: Me }) {
  const form = useForm({ formId });
  if (form.isPending) return <Loading />;
  if (form.isError) return <ErrorMessage error={form.error} onRetry={() => void form.refetch()} />;
  const own = account.role === 'FEDERAL' ? undefined : (account.regionCode ?? '');
  if (!ownsForm(form.data, own)) {
    return (
      <NoRights
        text={
          form.data.region
            ? 'Эту форму определил регион: изменить её может только он.'
            : 'Эту форму определил федеральный организатор: изменить её может только он.'
        }
      />
    );
  }
  return <Designer campaignId={form.data.campaignId} formId={formId} account={account} />;
}
