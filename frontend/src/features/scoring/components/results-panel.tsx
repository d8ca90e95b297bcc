import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { Campaign, Me, ScoringResultStatus } from '@/types/api';

import { SCORING_RESULTS_PAGE_SIZE, useScoringResults } from '../api/list-scoring-results';
import { resultStatusHints, resultStatusLabels, roundLabel } from '../utils/labels';
import { RegionSelect, SubjectSelect, regionsFor, subjectName } from './region-subject-filters';

/** The works' results: status, final total and scores per criterion; page by page. */
export function ResultsPanel({ account, campaign }: { account: Me; campaign: Campaign }) {
  const regionCodes = regionsFor(account, campaign);
  const [regionCode, setRegionCode] = useState('');
  const [subjectKey, setSubjectKey] = useState('');
  const [page, setPage] = useState(1);
  const results = useScoringResults({
    filter: { campaignId: campaign.id, regionCode, subjectKey, page: page - 1 },
  });

  return (
    <section className="scoring-section" aria-labelledby="results-title">
      <h2 id="results-title" className="section-title">
        Результаты проверки
      </h2>
      <div className="filters">
        {account.role === 'FEDERAL' && (
          <RegionSelect
            regionCodes={regionCodes}
            value={regionCode}
            anyLabel="Все регионы"
            onChange={(value) => {
              setRegionCode(value);
              setPage(1);
            }}
          />
        )}
        <SubjectSelect
          campaign={campaign}
          value={subjectKey}
          anyLabel="Все предметы"
          onChange={(value) => {
            setSubjectKey(value);
            setPage(1);
          }}
        />
      </div>
      {results.isPending ? (
        <Loading label="Загружаем результаты…" />
      ) : results.isError ? (
        <ErrorMessage
          error={results.error}
          title="Не удалось загрузить результаты"
          onRetry={() => void results.refetch()}
        />
      ) : results.data.items.length === 0 ? (
        <p className="panel panel--hint">
          Результатов пока нет: они появятся, когда эксперты начнут проверять распределённые работы.
        </p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="results-table">
              <thead>
                <tr>
                  <th scope="col">Организация</th>
                  <th scope="col">Предмет</th>
                  <th scope="col">Комплект</th>
                  <th scope="col">Статус</th>
                  <th scope="col" className="table__num">
                    Итог
                  </th>
                  <th scope="col">По критериям</th>
                  <th scope="col">Проверки</th>
                </tr>
              </thead>
              <tbody>
                {results.data.items.map((result) => (
                  <tr key={`${result.subjectKey}-${result.kitNumber}`} data-testid="result-row">
                    <td>{result.organization.name}</td>
                    <td>{subjectName(campaign, result.subjectKey)}</td>
                    <td className="table__code">{result.kitNumber}</td>
                    <td>
                      <StatusBadge status={result.status} />
                    </td>
                    <td className="table__num">{result.total ?? '—'}</td>
                    <td>
                      {result.scores.length > 0
                        ? result.scores.map((score) => `${score.code}: ${score.score}`).join('; ')
                        : '—'}
                    </td>
                    <td className="table__muted">
                      {result.rounds
                        .map(
                          (round) => `${roundLabel(round.round)}: ${round.total ?? 'нет баллов'}`,
                        )
                        .join('; ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            totalPages={Math.max(1, Math.ceil(results.data.total / SCORING_RESULTS_PAGE_SIZE))}
            totalItems={results.data.total}
            onPageChange={setPage}
            label="Страницы результатов"
          />
        </>
      )}
    </section>
  );
}

function StatusBadge({ status }: { status: ScoringResultStatus }) {
  return (
    <span
      className={`status-badge status-badge--${status.toLowerCase()}`}
      title={resultStatusHints[status]}
      data-testid="result-status"
    >
      {resultStatusLabels[status]}
    </span>
  );
}
