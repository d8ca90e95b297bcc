import '../forms.css';

import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { useNow } from '@/hooks/use-now';
import { formatZonedDateTime, formatZonedDateTimeNamed, timeZoneName } from '@/utils/format';
import { statusOf } from '@/utils/problem';

import { useCampaignForms } from '../api/get-forms';
import { stageLabel, statusChip, statusLabels } from '../utils/labels';
import type { FormSummary } from '@/types/api';

type CampaignFormsProps = {
  campaignId: number;
  /** Coordinators also get a link to each form's monitoring. */
  canMonitor?: boolean;
  /** The heading level of the block's title within the page. */
  headingLevel?: 2 | 3;
  /** A panel of its own (on a page), rather than part of a card. */
  framed?: boolean;
  /**
   * The federal organizer and regions design forms: «Новая форма» and «Изменить форму» (issue 19).
   */
  canDesign?: boolean;
  /** A region designs its own forms only (absent for the federal organizer, who owns the rest). */
  ownRegion?: string;
};

/** Whether the designer owns the form: the federal organizer its forms, a region its own. */
export function ownsForm(form: { region?: string }, ownRegion: string | undefined): boolean {
  return ownRegion === undefined ? !form.region : form.region === ownRegion;
}

/** «Отчёт сдан 12.03.2026 14:05», «Черновик», «Не начат» — the caller's own status. */
export function summaryStatus(form: FormSummary): string | undefined {
  if (!form.myStatus) return undefined;
  if (form.myStatus === 'SUBMITTED' && form.mySubmittedAt) {
    return `Отчёт сдан ${formatZonedDateTimeNamed(form.mySubmittedAt, form.window?.timeZone ?? 'Europe/Moscow')}`;
  }
  return statusLabels[form.myStatus];
}

/**
 * «Сбор данных» of one campaign: its forms in stage order, with the caller's status, the stage
 * window and whether it is open, a link to fill each (and, for coordinators, to monitor it).
 * Nothing at all when the campaign has no forms for the caller.
 */
export function CampaignForms({
  campaignId,
  canMonitor = false,
  headingLevel = 3,
  framed = false,
  canDesign = false,
  ownRegion,
}: CampaignFormsProps) {
  const forms = useCampaignForms({ campaignId });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `campaign-${campaignId}-forms-title`;
  if (forms.isPending) return null;
  if (forms.isError) {
    if (statusOf(forms.error) === 404 || statusOf(forms.error) === 403) return null;
    return (
      <p className="inline-error" role="alert">
        Сбор данных: {forms.error.message}
      </p>
    );
  }
  if (forms.data.length === 0 && !canDesign) return null;
  return (
    <section
      className={`campaign-forms${framed ? ' panel' : ''}`}
      aria-labelledby={titleId}
      data-testid="campaign-forms"
    >
      <Heading id={titleId} className="campaign-forms__title">
        Сбор данных
      </Heading>
      {forms.data.length === 0 && <p className="field__hint">Форм в кампании пока нет.</p>}
      <ul className="campaign-forms__list">
        {forms.data.map((form) => (
          <li key={form.id} className="campaign-forms__item" data-testid="campaign-form">
            <FormItem
              form={form}
              canMonitor={canMonitor}
              canDesign={canDesign && ownsForm(form, ownRegion)}
            />
          </li>
        ))}
      </ul>
      {canDesign && (
        <Link
          className="button button--secondary"
          to={paths.forms.create.getHref(campaignId)}
          data-testid="campaign-form-new"
        >
          + Новая форма
        </Link>
      )}
    </section>
  );
}

function FormItem({
  form,
  canMonitor,
  canDesign,
}: {
  form: FormSummary;
  canMonitor: boolean;
  canDesign: boolean;
}) {
  const status = summaryStatus(form);
  const window = form.window;
  const now = useNow();
  return (
    <>
      <div className="campaign-forms__head">
        <span className="campaign-forms__name">{form.title}</span>
        {form.region && (
          <span className="chip" data-testid="campaign-form-regional">
            Форма региона
          </span>
        )}
        {form.myStatus && (
          <span className={`chip ${statusChip[form.myStatus]}`} data-testid="campaign-form-status">
            {status}
          </span>
        )}
      </div>
      <p className="campaign-forms__meta">
        Этап «{stageLabel(form.stage)}»
        {window && (
          <>
            : с {formatZonedDateTime(window.opensAt, window.timeZone)} до{' '}
            {formatZonedDateTime(window.closesAt, window.timeZone)} ({timeZoneName(window.timeZone)}
            ) —{' '}
            <strong data-testid="campaign-form-window">
              {window.open
                ? 'приём открыт'
                : Date.parse(window.opensAt) > now
                  ? 'приём ещё не начался'
                  : 'приём закрыт'}
            </strong>
          </>
        )}
      </p>
      <div className="actions">
        {form.myStatus && (
          <Link className="button button--small" to={paths.forms.form.getHref(form.id)}>
            {form.myStatus === 'SUBMITTED' || !window?.open ? 'Открыть' : 'Заполнить'}
          </Link>
        )}
        {canMonitor && (
          <Link
            className="button button--secondary button--small"
            to={paths.forms.monitoring.getHref(form.id)}
          >
            Мониторинг сдачи
          </Link>
        )}
        {canDesign && (
          <Link
            className="button button--secondary button--small"
            to={paths.forms.design.getHref(form.id)}
            data-testid="campaign-form-design"
          >
            Изменить форму
          </Link>
        )}
      </div>
    </>
  );
}
