import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type {
  Campaign,
  Me,
  RegionalRoadmap,
  RoadmapAudience,
  RoadmapItemInput,
  StageCode,
} from '@/types/api';
import { formatZonedDateTimeNamed, timeZoneName } from '@/utils/format';
import { stageLabel } from '@/utils/labels';
import { instantToZonedLocal, zonedLocalToInstant } from '@/utils/zoned-time';

import { useRoadmap } from '../api/get-roadmap';
import { useReplaceRoadmap } from '../api/replace-roadmap';

/** Whom a deadline binds, in the dative: «для муниципальных координаторов». */
const audienceLabels = {
  MUNICIPAL: 'муниципальных координаторов',
  RESPONSIBLE: 'ответственных координаторов',
  ORGANIZATION: 'образовательных организаций',
  SCANNER: 'центра сканирования',
  EXPERT: 'экспертов',
  OBSERVER: 'общественных наблюдателей',
} as const satisfies Record<RoadmapAudience, string>;

const audiences = Object.keys(audienceLabels) as RoadmapAudience[];

/** «для всех в регионе» or «для муниципальных координаторов, экспертов». */
function bindsLabel(binds: RoadmapAudience[] | undefined): string {
  if (!binds || binds.length === 0) return 'для всех в регионе';
  return `для ${binds.map((who) => audienceLabels[who]).join(', ')}`;
}

/** Whether a deadline names the viewer's kind among those it binds. */
const namesViewer = (binds: RoadmapAudience[] | undefined, role: Me['role']) =>
  (binds ?? []).some((who) => who === role);

/**
 * «Сроки региона»: the deadlines the regional ministry's roadmap sets for the municipal and
 * responsible coordinators (seed 003 11–12), each inside a federal stage, in the region's local
 * time with its city named, each saying whom it binds (issue 19); the deadlines that bind the viewer
 * are marked. The regional coordinator edits them; the others read them.
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
              <span className="table__muted">
                (этап «{item.stageName}»;{' '}
                <span data-testid="roadmap-binds">{bindsLabel(item.binds)}</span>)
              </span>{' '}
              {!region && namesViewer(item.binds, account.role) && (
                <span className="chip chip--open">касается вас</span>
              )}
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

type Row = { stage: StageCode | ''; title: string; due: string; binds: RoadmapAudience[] };

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
      binds: item.binds ?? [],
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
      return row.stage !== '' && dueAt
        ? [{ stage: row.stage, title: row.title, dueAt, binds: row.binds }]
        : [];
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
          <fieldset className="roadmap__binds" data-testid="roadmap-binds-choice">
            <legend>Для кого срок (ничего не отмечено — для всех в регионе)</legend>
            {audiences.map((who) => (
              <label key={who} className="checkbox">
                <input
                  type="checkbox"
                  checked={row.binds.includes(who)}
                  onChange={(event) =>
                    update(index, {
                      binds: audiences.filter((candidate) =>
                        candidate === who ? event.target.checked : row.binds.includes(candidate),
                      ),
                    })
                  }
                  data-testid={`roadmap-binds-${who}`}
                />{' '}
                {audienceLabels[who]}
              </label>
            ))}
          </fieldset>
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
          onClick={() =>
            setRows((current) => [...current, { stage: '', title: '', due: '', binds: [] }])
          }
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
