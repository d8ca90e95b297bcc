import { Breadcrumbs, type Crumb } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';

import { useForm } from '../api/get-form';
import { useFormResponse } from '../api/get-form-response';
import type { Respondent } from '../types';
import { isOwnResponse } from '../types';
import { stageLabel } from '../utils/labels';
import { ApprovalPanel } from './approval-panel';
import { FormWorkspace } from './form-workspace';

type FormPageProps = {
  formId: number;
  respondent: Respondent;
  /** Where the page sits: the cabinet for a respondent, the monitoring for a coordinator. */
  crumbs: Crumb[];
};

/** A form's page: the definition and the response, then the workspace to fill it. */
export function FormPage({ formId, respondent, crumbs }: FormPageProps) {
  const definition = useForm({ formId });
  const response = useFormResponse({
    formId,
    respondent,
    // The workspace keeps its own copy while the user types; never swap it underneath.
    queryConfig: { refetchOnWindowFocus: false, refetchOnReconnect: false },
  });
  if (definition.isPending || response.isPending) return <Loading label="Загрузка формы…" />;
  if (definition.isError || response.isError) {
    const error = definition.error ?? response.error;
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: 'Форма' }]} />
        <ErrorMessage
          error={error}
          title="Не удалось открыть форму"
          onRetry={() => {
            void definition.refetch();
            void response.refetch();
          }}
        />
      </>
    );
  }
  const form = definition.data;
  const own = isOwnResponse(respondent);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: form.title }]} />
      <PageHeader
        title={form.title}
        subtitle={
          own
            ? `Сбор данных · этап «${stageLabel(form.stage)}»`
            : `${response.data.respondent.name} · этап «${stageLabel(form.stage)}»`
        }
      />
      {form.instruction && (
        <details className="panel form-instruction">
          <summary>Как заполнять</summary>
          <p className="form-instruction__text">{form.instruction}</p>
        </details>
      )}
      {form.respondent === 'ORGANIZATION' && (
        <ApprovalPanel
          formId={formId}
          organization={respondent.organization ?? response.data.respondent.organizationLogin}
        />
      )}
      <FormWorkspace
        key={`${formId}-${respondent.organization ?? ''}-${respondent.municipalityId ?? ''}-${respondent.regionPart ?? ''}`}
        definition={form}
        initial={response.data}
        respondent={respondent}
      />
    </>
  );
}
