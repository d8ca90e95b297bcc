import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, Me, ScanScheme } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useScanSchemes } from '../api/list-scan-schemes';
import { SchemeEditor } from './scheme-editor';
import { subjectTitle } from './region-subject-filters';

/** Every subject of the campaign with its answer-sheet scheme; the federal organizer edits them. */
export function SchemesPanel({ account, campaign }: { account: Me; campaign: Campaign }) {
  const schemes = useScanSchemes({ campaignId: campaign.id });
  const [editing, setEditing] = useState<string>();
  const federal = account.role === 'FEDERAL';

  if (schemes.isPending) return <Loading label="Загружаем схемы бланков…" />;
  if (schemes.isError) {
    return (
      <ErrorMessage
        error={schemes.error}
        title="Не удалось загрузить схемы бланков"
        onRetry={() => void schemes.refetch()}
      />
    );
  }

  return (
    <section className="scoring-section" aria-labelledby="schemes-title">
      <h2 id="schemes-title" className="section-title">
        Схемы бланков ответов
      </h2>
      <p className="field__hint">
        Сколько страниц в работе по предмету и по каким критериям эксперты её оценивают.
        {federal ? '' : ' Схемы задаёт федеральный организатор.'}
      </p>
      <ul className="scheme-list">
        {campaign.subjects.map((subject) => {
          const scheme = schemes.data.find((item) => item.subjectKey === subject.key);
          return (
            <li key={subject.key} className="panel" data-testid={`scheme-${subject.key}`}>
              <div className="scheme-list__head">
                <h3 className="subheading">{subjectTitle(subject)}</h3>
                {federal && editing !== subject.key && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setEditing(subject.key)}
                  >
                    {scheme ? 'Изменить схему' : 'Задать схему'}
                  </button>
                )}
              </div>
              {editing === subject.key ? (
                <SchemeEditor
                  campaignId={campaign.id}
                  subjectKey={subject.key}
                  subjectName={subjectTitle(subject)}
                  scheme={scheme}
                  onDone={() => setEditing(undefined)}
                />
              ) : scheme ? (
                <SchemeView scheme={scheme} timeZone={campaign.timeZone} />
              ) : (
                <p className="table__muted">Схема не задана: сканы по предмету не проверяются.</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SchemeView({ scheme, timeZone }: { scheme: ScanScheme; timeZone: string }) {
  return (
    <>
      <p>
        Страниц в работе: <strong>{scheme.pages}</strong>. Вторая проверка:{' '}
        <strong>{scheme.secondScoringPercent} %</strong> работ. Третий эксперт — при расхождении
        более чем на <strong>{scheme.discrepancyThreshold}</strong> б.
      </p>
      {scheme.criteria.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">Код</th>
                <th scope="col">Что оценивается</th>
                <th scope="col" className="table__num">
                  Макс. балл
                </th>
                <th scope="col" className="table__num">
                  Страница
                </th>
              </tr>
            </thead>
            <tbody>
              {scheme.criteria.map((criterion) => (
                <tr key={criterion.code}>
                  <td className="table__code" data-label="Код">
                    {criterion.code}
                  </td>
                  <td data-label="Что оценивается">{criterion.title}</td>
                  <td className="table__num" data-label="Макс. балл">
                    {criterion.maxScore}
                  </td>
                  <td className="table__num" data-label="Страница">
                    {criterion.page}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="table__muted">
        Изменена {formatZonedDateTimeNamed(scheme.updatedAt, timeZone)}
      </p>
    </>
  );
}
