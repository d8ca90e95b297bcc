import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, Me, RegionalRoadmap, RoadmapItemInput, StageCode } from '@/types/api';
import { formatZonedDateTimeNamed, timeZoneName } from '@/utils/format';
import { stageLabel } from '@/utils/labels';
import { instantToZonedLocal, zonedLocalToInstant } from '@/utils/zoned-time';

import { useRoadmap } from '../api/get-roadmap';
import { useReplaceRoadmap } from '../api/replace-roadmap';

/**
 * «Сроки региона»: the deadlines the regional ministry's roadmap sets for the municipal and
 * responsible coordinators (seed 003 11–12), each inside a federal stage, in the region's local
 * time with its city named. The regional coordinator edits them; the others read them.
 */
export function RegionalRoadmapPanel({ campaign, account }: { campaign: Campaign; account: Me }) {
  const roadmap = useRoadmap({ campaignId: campaign.id });
  const [editing, setEditing] = useState(false);
  const region = account.role === 'REGIONAL';
  const titleId = useId();

  if (roadmap.isPending) return <Loading label="Загрузка сроков региона…" />;
  if (roadmap.isError) {
    return <ErrorMessage error={roadmap.error} title="Сроки региона не загрузились" />;
  }
  const data = roadmap.data;
  if (data.items.length === 0 && !region) return null;
  return (
    <section aria-labelledby={titleId} data-testid="regional-roadmap">
      <h4 id={titleId} className="subheading">
        Сроки региона (дорожная карта)
      </h4>
      {data.items.length === 0 ? (
        <p className="table__muted">Регион ещё не установил своих сроков.</p>
      ) : (
        <ul className="roadmap">
          {data.items.map((item, index) => (
            <li key={index} data-testid="roadmap-item">
              <strong>{formatZonedDateTimeNamed(item.dueAt, data.timeZone)}</strong> — {item.title}{' '}
              <span className="table__muted">(этап «{item.stageName}»)</span>
            </li>
          ))}
        </ul>
      )}
      {region && !editing && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setEditing(true)}
        >
          Изменить сроки региона
        </button>
      )}
      {region && editing && (
        <RoadmapEditor campaign={campaign} roadmap={data} onDone={() => setEditing(false)} />
      )}
    </section>
  );
}

type Row = { stage: StageCode | ''; title: string; due: string };

function RoadmapEditor({
  campaign,
  roadmap,
  onDone,
}: {
  campaign: Campaign;
  roadmap: RegionalRoadmap;
  onDone: () => void;
}) {
  const zone = roadmap.timeZone;
  const [rows, setRows] = useState<Row[]>(() =>
    roadmap.items.map((item) => ({
      stage: item.stage,
      title: item.title,
      due: instantToZonedLocal(item.dueAt, zone),
    })),
  );
  const replace = useReplaceRoadmap();
  const id = useId();

  const update = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const items: RoadmapItemInput[] = rows.flatMap((row) => {
      const dueAt = zonedLocalToInstant(row.due, zone);
      return row.stage !== '' && dueAt ? [{ stage: row.stage, title: row.title, dueAt }] : [];
    });
    replace.mutate({ campaignId: campaign.id, items }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} data-testid="roadmap-editor">
      <p className="field__hint">
        Время местное: {timeZoneName(zone)}. Срок региона может быть только внутри федерального
        этапа.
      </p>
      {rows.map((row, index) => (
        <fieldset key={index} className="roadmap__row">
          <legend>Срок {index + 1}</legend>
          <label htmlFor={`${id}-${index}-stage`}>Этап</label>
          <select
            id={`${id}-${index}-stage`}
            className="input"
            value={row.stage}
            onChange={(event) => update(index, { stage: event.target.value as StageCode })}
          >
            <option value="">Выберите этап</option>
            {campaign.stages.map((stage) => (
              <option key={stage.code} value={stage.code}>
                {stageLabel(stage.code)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-${index}-title`}>Что сделать</label>
          <input
            id={`${id}-${index}-title`}
            className="input"
            value={row.title}
            maxLength={200}
            onChange={(event) => update(index, { title: event.target.value })}
          />
          <label htmlFor={`${id}-${index}-due`}>Срок</label>
          <input
            id={`${id}-${index}-due`}
            className="input"
            type="datetime-local"
            value={row.due}
            onChange={(event) => update(index, { due: event.target.value })}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
          >
            Удалить
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setRows((current) => [...current, { stage: '', title: '', due: '' }])}
        >
          Добавить срок
        </button>
        <button type="submit" className="button" disabled={replace.isPending}>
          Сохранить сроки
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Отмена
        </button>
      </div>
      {replace.isError && <ErrorMessage error={replace.error} title="Сроки не сохранены" />}
    </form>
  );
}
