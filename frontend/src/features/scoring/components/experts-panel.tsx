import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { Campaign, Me } from '@/types/api';

import { EXPERTS_PAGE_SIZE, useExperts } from '../api/list-experts';
import { ExpertApprovalCell } from './expert-approval-cell';
import { ExpertCreateForm } from './expert-create-form';
import { RegionSelect, SubjectSelect, regionsFor, subjectName } from './region-subject-filters';

/** The campaign's experts with their workload, and the form to register one. */
export function ExpertsPanel({ account, campaign }: { account: Me; campaign: Campaign }) {
  const regionCodes = regionsFor(account, campaign);
  const [regionCode, setRegionCode] = useState(
    account.role === 'FEDERAL' ? '' : (regionCodes[0] ?? ''),
  );
  const [subjectKey, setSubjectKey] = useState('');
  const [page, setPage] = useState(1);
  const experts = useExperts({
    filter: { campaignId: campaign.id, regionCode, subjectKey, page: page - 1 },
  });

  return (
    <section className="scoring-section" aria-labelledby="experts-title">
      <h2 id="experts-title" className="section-title">
        Эксперты
      </h2>
      <ExpertCreateForm account={account} campaign={campaign} />

      <h3 className="subheading">Список экспертов и их нагрузка</h3>
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
      {experts.isPending ? (
        <Loading label="Загружаем экспертов…" />
      ) : experts.isError ? (
        <ErrorMessage
          error={experts.error}
          title="Не удалось загрузить экспертов"
          onRetry={() => void experts.refetch()}
        />
      ) : experts.data.items.length === 0 ? (
        <p className="panel panel--hint">
          Экспертов пока нет. Зарегистрируйте их формой выше — затем распределите работы.
        </p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="experts-table">
              <thead>
                <tr>
                  <th scope="col">Логин</th>
                  <th scope="col">ФИО</th>
                  <th scope="col">Регион</th>
                  <th scope="col">Место работы</th>
                  <th scope="col">Предметы</th>
                  <th scope="col" className="table__num">
                    Назначено
                  </th>
                  <th scope="col" className="table__num">
                    Проверено
                  </th>
                  <th scope="col">Согласование</th>
                </tr>
              </thead>
              <tbody>
                {experts.data.items.map((expert) => (
                  <tr key={expert.login}>
                    <td className="table__code">{expert.login}</td>
                    <td>{expert.displayName}</td>
                    <td>{expert.regionCode}</td>
                    <td>{expert.organization.name}</td>
                    <td>{expert.subjects.map((key) => subjectName(campaign, key)).join(', ')}</td>
                    <td className="table__num">{expert.assigned}</td>
                    <td className="table__num">{expert.scored}</td>
                    <td data-label="Согласование">
                      <ExpertApprovalCell
                        campaignId={campaign.id}
                        expert={expert}
                        canDecide={account.role === 'FEDERAL'}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {experts.data.total > EXPERTS_PAGE_SIZE && (
            <Pagination
              page={page}
              totalPages={Math.ceil(experts.data.total / EXPERTS_PAGE_SIZE)}
              totalItems={experts.data.total}
              onPageChange={setPage}
              label="Страницы списка экспертов"
            />
          )}
        </>
      )}
    </section>
  );
}
