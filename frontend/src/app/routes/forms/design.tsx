import type { ReactNode } from 'react';
import { useParams } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useDesignCampaign } from '@/features/forms/api/get-design-campaign';
import { useForm } from '@/features/forms/api/get-form';
import { FormDesigner } from '@/features/forms/components/designer/form-designer';
import type { Me } from '@/types/api';

import { CoordinatorsOnly } from '../coordinators-only';
import { NotFoundRoute } from '../not-found';

const positive = (value: string | undefined) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

/** Forms are defined by the federal organizer (createForm, updateForm). */
function FederalOnly({ children }: { children: ReactNode }) {
  return (
    <CoordinatorsOnly>
      {(account: Me) =>
        account.role === 'FEDERAL' ? (
          children
        ) : (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">Недостаточно прав</p>
            <p className="alert__text">Формы сбора данных определяет федеральный организатор.</p>
          </div>
        )
      }
    </CoordinatorsOnly>
  );
}

function Designer({ campaignId, formId }: { campaignId: number; formId?: number }) {
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
      subjects={campaign.data.subjects}
      form={formId !== undefined ? form.data : undefined}
    />
  );
}

/** «Новая форма» of a campaign. */
export function NewFormRoute() {
  const campaignId = positive(useParams().campaignId);
  if (campaignId === undefined) return <NotFoundRoute />;
  return (
    <FederalOnly>
      <Designer campaignId={campaignId} />
    </FederalOnly>
  );
}

/** The next version of a published form. */
export function FormDesignRoute() {
  const formId = positive(useParams().formId);
  if (formId === undefined) return <NotFoundRoute />;
  return (
    <FederalOnly>
      <FormCampaign formId={formId} />
    </FederalOnly>
  );
}

function FormCampaign({ formId }: { formId: number }) {
  const form = useForm({ formId });
  if (form.isPending) return <Loading />;
  if (form.isError) return <ErrorMessage error={form.error} onRetry={() => void form.refetch()} />;
  return <Designer campaignId={form.data.campaignId} formId={formId} />;
}
