import '../publications.css';

import { useId, useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { useNow } from '@/hooks/use-now';
import type { Publication, Role } from '@/types/api';
import {
  byCity,
  formatTimeZone,
  formatZonedDateTime,
  formatZonedDateTimeNamed,
} from '@/utils/format';
import { zonedLocalToInstant } from '@/utils/zoned-time';

import { useRegionChoices } from '@/lib/region-choices';
import { usePublishPublication } from '../api/publish-publication';

const MOSCOW = 'Europe/Moscow';
/** The zone choice «Местное время каждого региона». */
const LOCAL = 'local';

type PublishFormProps = {
  publication: Publication;
  role: Role;
  /** The caller's own time zone (its region's; Moscow for the federal organizer). */
  timeZone: string;
  /** The campaign's regions: the audience's when it names none. */
  campaignRegionCodes: string[];
};

type ZoneChoice = { value: string; label: string; timeZone: string };

/**
 * Publishes a draft at once, or at a release time typed as a wall-clock time of a region the
 * author chooses (the materials open on the morning of the test, in the region's own time).
 */
export function PublishForm({
  publication,
  role,
  timeZone,
  campaignRegionCodes,
}: PublishFormProps) {
  const publish = usePublishPublication();
  const now = useNow(30_000);
  const regions = useRegionChoices({ queryConfig: { enabled: role === 'FEDERAL' } });
  const id = useId();

  const audienceRegions =
    publication.audience.regionCodes.length > 0
      ? publication.audience.regionCodes
      : campaignRegionCodes;

  const regionZones = (regions.data?.items ?? []).filter((region) =>
    audienceRegions.includes(region.code),
  );
  // A regional coordinator publishes in its own region's time; the federal organizer picks one
  // zone, or the same wall-clock time in each region's own zone (materials open on the morning
  // of the test everywhere).
  const choices: ZoneChoice[] =
    role === 'FEDERAL'
      ? [
          ...(audienceRegions.length > 1
            ? [{ value: LOCAL, label: 'Местное время каждого региона', timeZone: MOSCOW }]
            : []),
          { value: '', label: formatTimeZone(MOSCOW), timeZone: MOSCOW },
          ...regionZones.map((region) => ({
            value: region.code,
            label: `${region.code} — ${region.name}: ${formatTimeZone(region.timeZone)}`,
            timeZone: region.timeZone,
          })),
        ]
      : [{ value: '', label: formatTimeZone(timeZone), timeZone }];

  const [choice, setChoice] = useState(() =>
    role !== 'FEDERAL'
      ? ''
      : publication.audience.regionCodes.length === 1
        ? (publication.audience.regionCodes[0] ?? '')
        : audienceRegions.length > 1
          ? LOCAL
          : '',
  );
  const [local, setLocal] = useState('');
  const perRegion = choice === LOCAL;
  const zone = (choices.find((candidate) => candidate.value === choice) ?? choices[0]!).timeZone;
  const releaseAt = local ? zonedLocalToInstant(local, zone) : undefined;
  // Each region's moment of a release at local time, earliest first.
  const moments = local
    ? regionZones
        .map((region) => ({ region, at: zonedLocalToInstant(local, region.timeZone) }))
        .filter((moment): moment is { region: (typeof regionZones)[number]; at: string } =>
          Boolean(moment.at),
        )
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    : [];
  const inPast = perRegion
    ? moments.some((moment) => Date.parse(moment.at) <= now)
    : releaseAt !== undefined && Date.parse(releaseAt) <= now;
  const canSchedule = local !== '' && releaseAt !== undefined && !inPast && !publish.isPending;

  return (
    <section className="panel publish-form" data-testid="publish-form">
      <h2 className="panel__title">Публикация</h2>
      <p className="field__hint">
        До времени публикации адресаты не видят ни её, ни файлов. Пока время не наступило, его можно
        изменить.
      </p>
      <div className="publish-form__row">
        <button
          type="button"
          className="button"
          disabled={publish.isPending}
          onClick={() => publish.mutate({ publicationId: publication.id })}
        >
          Опубликовать сразу
        </button>
      </div>

      <div className="publish-form__schedule">
        <div className="filters">
          <div className="field">
            <label htmlFor={`${id}-zone`}>Время какого региона</label>
            {role === 'FEDERAL' ? (
              <select
                id={`${id}-zone`}
                className="input"
                value={choice}
                data-testid="publish-zone"
                onChange={(event) => setChoice(event.target.value)}
              >
                {choices.map((candidate) => (
                  <option key={candidate.value} value={candidate.value}>
                    {candidate.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${id}-zone`}
                className="input"
                readOnly
                value={choices[0]!.label}
                data-testid="publish-zone"
              />
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-at`}>Дата и время публикации</label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              className="input"
              value={local}
              aria-describedby={`${id}-hint`}
              onChange={(event) => setLocal(event.target.value)}
            />
          </div>
        </div>
        <p id={`${id}-hint`} className="field__hint" data-testid="publish-hint">
          {perRegion
            ? releaseAt === undefined
              ? 'Публикация откроется в указанное время по местному времени каждого региона.'
              : inPast
                ? 'В части регионов это время уже прошло. Укажите время в будущем.'
                : 'Публикация откроется в каждом регионе в это время по его местному времени:'
            : releaseAt === undefined
              ? `Время указывается ${byCity(zone)}.`
              : inPast
                ? 'Это время уже прошло. Укажите время в будущем.'
                : `Публикация откроется ${formatZonedDateTime(releaseAt, zone)} ${byCity(zone)}` +
                  (zone === MOSCOW
                    ? '.'
                    : ` (${formatZonedDateTime(releaseAt, MOSCOW)} по Москве).`)}
        </p>
        {perRegion && moments.length > 0 && (
          <ul className="field__hint" data-testid="publish-moments">
            {moments.map(({ region, at }) => (
              <li key={region.code}>
                {region.code} — {region.name}: {formatZonedDateTimeNamed(at, region.timeZone)}
                {region.timeZone === MOSCOW ? '' : `, ${formatZonedDateTime(at, MOSCOW)} по Москве`}
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="button"
          disabled={!canSchedule}
          onClick={() =>
            releaseAt &&
            publish.mutate(
              perRegion
                ? { publicationId: publication.id, releaseLocal: local }
                : { publicationId: publication.id, releaseAt },
            )
          }
        >
          Опубликовать в указанное время
        </button>
      </div>

      {publish.isError && <ErrorMessage error={publish.error} title="Не удалось опубликовать" />}
      {publish.isSuccess && (
        <p className="alert alert--info" role="status" data-testid="publish-done">
          {publish.data.status === 'SCHEDULED' && publish.data.releaseLocal
            ? `Публикация запланирована на ${publish.data.releaseLocal.replace(/^(\d{4})-(\d{2})-(\d{2})T/, '$3.$2.$1 ')} по местному времени каждого региона.`
            : publish.data.status === 'SCHEDULED' && publish.data.releaseAt
              ? `Публикация запланирована на ${formatZonedDateTime(publish.data.releaseAt, zone)} ${byCity(zone)}.`
              : 'Опубликовано: адресаты уже видят публикацию.'}
        </p>
      )}
    </section>
  );
}
