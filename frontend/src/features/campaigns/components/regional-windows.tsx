import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, StageCode } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';
import { fieldMessages, problemErrors } from '@/utils/problem';

import {
  useClearRegionalWindow,
  useRegionalWindows,
  useSetRegionalWindows,
} from '../api/regional-windows';
import { FieldErrors } from './field-errors';

type RegionalWindowsProps = { campaign: Campaign; canEdit: boolean };

/** The regions' windows behind a disclosure: read only when asked for, the page stays short. */
export function RegionalWindowsDisclosure(props: RegionalWindowsProps) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Показать сроки этапов по регионам (по местному времени каждого региона)</summary>
      {open && <RegionalWindows {...props} />}
    </details>
  );
}

/**
 * A stage's window in each region, in that region's own clock (issue 20): the federal organizer
 * sets a wall-clock time that applies in each region's zone (08:00 is 08:00 in Владивосток and in
 * Калининград alike), or moves one region; everyone else sees their region's row.
 */
export function RegionalWindows({ campaign, canEdit }: RegionalWindowsProps) {
  const id = useId();
  const [picked, setPicked] = useState<StageCode>();
  const stageCode: StageCode | undefined =
    campaign.stages.find((stage) => stage.code === picked)?.code ??
    campaign.stages.find((stage) => stage.code === campaign.currentStage)?.code ??
    campaign.stages[0]?.code;
  const windows = useRegionalWindows(campaign.id, stageCode);
  const clear = useClearRegionalWindow();

  if (!stageCode) return <p className="field__hint">Сначала задайте план-график.</p>;

  return (
    <div className="form-stack" data-testid="regional-windows">
      <div className="field">
        <label htmlFor={`${id}-stage`}>Этап (сроки по регионам)</label>
        <select
          id={`${id}-stage`}
          className="input"
          value={stageCode}
          onChange={(event) => setPicked(event.target.value as StageCode)}
        >
          {campaign.stages.map((stage) => (
            <option key={stage.code} value={stage.code}>
              {stage.name}
            </option>
          ))}
        </select>
      </div>
      {windows.isPending ? (
        <Loading label="Загрузка сроков по регионам…" />
      ) : windows.isError ? (
        <ErrorMessage
          error={windows.error}
          title="Не удалось загрузить сроки по регионам"
          onRetry={() => void windows.refetch()}
        />
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">Сроки этапа по регионам</caption>
            <thead>
              <tr>
                <th scope="col">Регион</th>
                <th scope="col">Начало (время региона)</th>
                <th scope="col">Окончание (время региона)</th>
                <th scope="col">Срок</th>
                {canEdit && <th scope="col">Действия</th>}
              </tr>
            </thead>
            <tbody>
              {windows.data.items.map((window) => (
                <tr key={window.regionCode} data-testid="regional-window-row">
                  <td data-label="Регион">
                    {window.regionCode} — {window.regionName}
                  </td>
                  <td data-label="Начало" className="table__nowrap">
                    {formatZonedDateTimeNamed(window.opensAt, window.timeZone)}
                  </td>
                  <td data-label="Окончание" className="table__nowrap">
                    {formatZonedDateTimeNamed(window.closesAt, window.timeZone)}
                  </td>
                  <td data-label="Срок">
                    {window.own ? `Свой для региона (${window.setBy ?? ''})` : 'По плану-графику'}
                  </td>
                  {canEdit && (
                    <td data-label="Действия">
                      {window.own && (
                        <button
                          type="button"
                          className="button button--secondary"
                          disabled={clear.isPending}
                          onClick={() =>
                            clear.mutate({
                              campaignId: campaign.id,
                              stageCode,
                              regionCode: window.regionCode,
                            })
                          }
                        >
                          Вернуть срок плана-графика
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {clear.isError && <ErrorMessage error={clear.error} title="Срок не изменён" />}
      {canEdit && <RegionalWindowForm campaign={campaign} stageCode={stageCode} />}
    </div>
  );
}

function RegionalWindowForm({ campaign, stageCode }: { campaign: Campaign; stageCode: StageCode }) {
  const id = useId();
  const [regions, setRegions] = useState<string[]>([]);
  const [opensLocal, setOpensLocal] = useState('');
  const [closesLocal, setClosesLocal] = useState('');
  const [missing, setMissing] = useState<string>();
  const [saved, setSaved] = useState(false);
  const save = useSetRegionalWindows();
  const errors = problemErrors(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problem =
      !opensLocal || !closesLocal ? 'Укажите дату и время начала и окончания.' : undefined;
    setMissing(problem);
    if (problem) return;
    save.mutate(
      {
        campaignId: campaign.id,
        stageCode,
        input: { regionCodes: regions, opensLocal, closesLocal },
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  const toggle = (code: string) =>
    setRegions((current) =>
      current.includes(code) ? current.filter((c) => c !== code) : [...current, code],
    );

  return (
    <form className="form-stack" onSubmit={submit} data-testid="regional-window-form">
      <p className="field__hint">
        Время указывается по часам региона: «08:00» — это 08:00 в каждом выбранном регионе, в его
        часовом поясе.
      </p>
      <fieldset className="checkboxes">
        <legend>Регионы (ни один не выбран — все регионы кампании)</legend>
        {campaign.regionCodes.map((code) => (
          <label key={code} className="checkbox">
            <input type="checkbox" checked={regions.includes(code)} onChange={() => toggle(code)} />
            {code}
          </label>
        ))}
      </fieldset>
      <FieldErrors messages={fieldMessages(errors, 'regionCodes')} />
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-opens`}>Начало (время региона)</label>
          <input
            id={`${id}-opens`}
            type="datetime-local"
            className="input"
            value={opensLocal}
            onChange={(event) => setOpensLocal(event.target.value.slice(0, 16))}
          />
          <FieldErrors messages={fieldMessages(errors, 'opensLocal')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-closes`}>Окончание (время региона)</label>
          <input
            id={`${id}-closes`}
            type="datetime-local"
            className="input"
            value={closesLocal}
            onChange={(event) => setClosesLocal(event.target.value.slice(0, 16))}
          />
          <FieldErrors messages={fieldMessages(errors, 'closesLocal')} />
        </div>
      </div>
      {missing && (
        <p className="alert alert--error" role="alert">
          {missing}
        </p>
      )}
      {save.isError && <ErrorMessage error={save.error} title="Срок не сохранён" />}
      {saved && (
        <p className="alert alert--info" role="status">
          Сроки по регионам сохранены.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          Задать срок по времени региона
        </button>
      </div>
    </form>
  );
}
