import '../campaigns.css';

import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, StageCode, StageInput } from '@/types/api';
import { byCityWithOffset } from '@/utils/format';
import { instantToZonedLocal, zonedLocalToInstant } from '@/utils/zoned-time';
import { fieldMessages, problemErrors, statusOf } from '@/utils/problem';

import { useReplaceSchedule } from '../api/replace-schedule';
import { campaignKindLabels, DEFAULT_TIME_ZONE, stageCodes, stageLabels } from '../utils/labels';
import { nextMonday, stageTemplates, templateStages } from '../utils/stage-templates';
import { FieldErrors } from './field-errors';
import { TimeZoneSelect } from './time-zone-select';

type Row = { id: number; code: StageCode | ''; opens: string; closes: string };

let nextRowId = 1;

type ScheduleEditorProps = {
  campaign: Campaign;
  onSaved: (campaign: Campaign) => void;
  onCancel: () => void;
  /** Reads the campaign afresh after someone else changed it (409). */
  onReload: () => void;
};

/** The federal organizer's editor of the whole schedule, in a time zone of their choosing. */
export function ScheduleEditor({ campaign, onSaved, onCancel, onReload }: ScheduleEditorProps) {
  const [zone, setZone] = useState(DEFAULT_TIME_ZONE);
  const [rows, setRows] = useState<Row[]>(() =>
    campaign.stages.map((stage) => ({
      id: nextRowId++,
      code: stage.code,
      opens: instantToZonedLocal(stage.opensAt, DEFAULT_TIME_ZONE),
      closes: instantToZonedLocal(stage.closesAt, DEFAULT_TIME_ZONE),
    })),
  );
  const [missing, setMissing] = useState<string>();
  const save = useReplaceSchedule();
  const errors = problemErrors(save.error);
  const conflict = statusOf(save.error) === 409;
  const id = useId();

  // The same instants, shown as the new zone's wall clock.
  const changeZone = (next: string) => {
    setRows((current) =>
      current.map((row) => {
        const opens = zonedLocalToInstant(row.opens, zone);
        const closes = zonedLocalToInstant(row.closes, zone);
        return {
          ...row,
          opens: opens ? instantToZonedLocal(opens, next) : row.opens,
          closes: closes ? instantToZonedLocal(closes, next) : row.closes,
        };
      }),
    );
    setZone(next);
  };

  const update = (rowId: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.id === rowId ? { ...row, ...change } : row)));

  const used = rows.map((row) => row.code);
  const addRow = () => {
    const code = stageCodes.find((c) => !used.includes(c)) ?? '';
    setRows((current) => [...current, { id: nextRowId++, code, opens: '', closes: '' }]);
  };

  // An empty schedule starts from the stages of the campaign's kind, dated from next Monday.
  const fillFromTemplate = () => {
    const today = instantToZonedLocal(new Date().toISOString(), zone).slice(0, 10);
    setRows(
      templateStages(campaign.kind, nextMonday(today)).map((stage) => ({
        id: nextRowId++,
        ...stage,
      })),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const stages: StageInput[] = [];
    for (const [index, row] of rows.entries()) {
      const opensAt = zonedLocalToInstant(row.opens, zone);
      const closesAt = zonedLocalToInstant(row.closes, zone);
      if (!row.code || !opensAt || !closesAt) {
        setMissing(`Строка ${index + 1}: выберите этап и укажите дату и время начала и окончания.`);
        return;
      }
      stages.push({ code: row.code, opensAt, closesAt });
    }
    setMissing(undefined);
    save.mutate(
      { campaignId: campaign.id, version: campaign.version, stages },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="form-stack" onSubmit={submit} data-testid="schedule-editor">
      <div className="field">
        <label htmlFor={`${id}-zone`}>Часовой пояс дат в таблице</label>
        <TimeZoneSelect id={`${id}-zone`} value={zone} onChange={changeZone} />
        <small className="field__hint" data-testid="schedule-zone">
          Даты и время ниже — {byCityWithOffset(zone)}. На сервере они хранятся как моменты времени,
          каждый регион видит их по своему часовому поясу.
        </small>
      </div>

      <div className="table-wrap">
        <table className="table table--stack schedule-table">
          <caption className="visually-hidden">План-график (редактирование)</caption>
          <thead>
            <tr>
              <th scope="col">Этап</th>
              <th scope="col">Начало</th>
              <th scope="col">Окончание</th>
              <th scope="col">
                <span className="visually-hidden">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="table__empty" data-testid="schedule-template">
                  <p>
                    Этапов нет. Начните с этапов кампании вида «{campaignKindLabels[campaign.kind]}»
                    ({stageTemplates[campaign.kind].length}) с примерными датами от ближайшего
                    понедельника и поправьте их — или добавьте этапы по одному.
                  </p>
                  <button type="button" className="button" onClick={fillFromTemplate}>
                    Заполнить этапами {campaignKindLabels[campaign.kind]}
                  </button>
                </td>
              </tr>
            )}
            {rows.map((row, index) => {
              const messages = fieldMessages(errors, `stages[${index}]`);
              const errorId = `${id}-row-${row.id}-errors`;
              return (
                <tr
                  key={row.id}
                  data-testid="schedule-row"
                  className={messages.length > 0 ? 'row--error' : undefined}
                >
                  <td data-label="Этап">
                    <select
                      className="input"
                      aria-label={`Этап, строка ${index + 1}`}
                      value={row.code}
                      aria-describedby={messages.length > 0 ? errorId : undefined}
                      onChange={(event) =>
                        update(row.id, { code: event.target.value as StageCode })
                      }
                    >
                      <option value="">Выберите этап</option>
                      {stageCodes.map((code) => (
                        <option
                          key={code}
                          value={code}
                          disabled={code !== row.code && used.includes(code)}
                        >
                          {stageLabels[code]}
                        </option>
                      ))}
                    </select>
                    <FieldErrors messages={messages} id={errorId} />
                  </td>
                  <td data-label="Начало">
                    <input
                      type="datetime-local"
                      className="input"
                      aria-label={`Начало, строка ${index + 1}`}
                      value={row.opens}
                      onChange={(event) => update(row.id, { opens: event.target.value })}
                    />
                  </td>
                  <td data-label="Окончание">
                    <input
                      type="datetime-local"
                      className="input"
                      aria-label={`Окончание, строка ${index + 1}`}
                      value={row.closes}
                      onChange={(event) => update(row.id, { closes: event.target.value })}
                    />
                  </td>
                  <td data-label="">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`Удалить этап, строка ${index + 1}`}
                      onClick={() => setRows((current) => current.filter((r) => r.id !== row.id))}
                    >
                      Удалить
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div>
        <button
          type="button"
          className="button button--secondary"
          onClick={addRow}
          disabled={rows.length >= stageCodes.length}
        >
          + Добавить этап
        </button>
      </div>

      {missing && (
        <p className="alert alert--error" role="alert">
          {missing}
        </p>
      )}
      {conflict ? (
        <div className="alert alert--error" role="alert" data-testid="schedule-conflict">
          <p className="alert__title">Кампанию изменили, пока вы редактировали план-график</p>
          <p className="alert__text">
            Ваши изменения не сохранены. Загрузите кампанию заново, проверьте план-график и внесите
            изменения ещё раз.
          </p>
          <button type="button" className="button" onClick={onReload}>
            Загрузить заново
          </button>
        </div>
      ) : (
        save.isError && (
          <ErrorMessage
            error={save.error}
            title={
              errors.length > 0
                ? 'План-график не сохранён: исправьте ошибки в отмеченных строках'
                : 'План-график не сохранён'
            }
          />
        )
      )}

      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          Сохранить план-график
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
      {save.isPending && <Loading label="Сохраняем план-график…" />}
    </form>
  );
}
