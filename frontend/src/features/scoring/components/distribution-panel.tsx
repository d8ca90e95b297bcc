import { useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, Me, Distribution } from '@/types/api';
import { statusOf } from '@/utils/problem';

import { useDistributeWorks } from '../api/distribute-works';
import { RegionSelect, SubjectSelect, regionsFor, subjectName } from './region-subject-filters';

/** «Распределить работы» for a region and subject, and what came of it. */
export function DistributionPanel({ account, campaign }: { account: Me; campaign: Campaign }) {
  const regionCodes = regionsFor(account, campaign);
  const [regionCode, setRegionCode] = useState(
    regionCodes.length === 1 ? (regionCodes[0] ?? '') : '',
  );
  const [subjectKey, setSubjectKey] = useState('');
  const [result, setResult] = useState<{
    regionCode: string;
    subjectKey: string;
    distribution: Distribution;
  }>();
  const distribute = useDistributeWorks();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!regionCode || !subjectKey || distribute.isPending) return;
    setResult(undefined);
    distribute.mutate(
      { campaignId: campaign.id, regionCode, subjectKey },
      { onSuccess: (distribution) => setResult({ regionCode, subjectKey, distribution }) },
    );
  };

  return (
    <section className="scoring-section" aria-labelledby="distribution-title">
      <h2 id="distribution-title" className="section-title">
        Распределение работ
      </h2>
      <form className="panel form-stack" onSubmit={submit}>
        <p className="field__hint">
          Полностью загруженные работы региона по предмету достаются экспертам поровну; эксперт не
          получает работы своей организации. Повторный запуск распределяет только новые работы.
        </p>
        <div className="form-row">
          {account.role === 'FEDERAL' ? (
            <RegionSelect regionCodes={regionCodes} value={regionCode} onChange={setRegionCode} />
          ) : (
            <p>
              Регион: <strong>{regionCode}</strong>
            </p>
          )}
          <SubjectSelect campaign={campaign} value={subjectKey} onChange={setSubjectKey} />
        </div>
        <div>
          <button
            type="submit"
            className="button scoring-big-button"
            disabled={!regionCode || !subjectKey || distribute.isPending}
          >
            Распределить работы
          </button>
        </div>
        {distribute.isPending && <Loading label="Распределяем работы…" />}
        {distribute.isError && (
          <ErrorMessage
            error={distribute.error}
            title={
              statusOf(distribute.error) === 409
                ? 'Распределить нельзя: этап проверки работ сейчас не открыт'
                : 'Работы не распределены'
            }
          />
        )}
      </form>
      {result && (
        <DistributionSummary
          campaign={campaign}
          regionCode={result.regionCode}
          subjectKey={result.subjectKey}
          distribution={result.distribution}
        />
      )}
    </section>
  );
}

type SummaryProps = {
  campaign: Campaign;
  regionCode: string;
  subjectKey: string;
  distribution: Distribution;
};

function DistributionSummary({ campaign, regionCode, subjectKey, distribution }: SummaryProps) {
  const { works, assigned, secondScorings, unassigned, experts } = distribution;
  return (
    <div className="panel" data-testid="distribution-summary" role="status">
      <h3 className="panel__title">
        Итог распределения: регион {regionCode}, {subjectName(campaign, subjectKey)}
      </h3>
      <dl className="distribution-figures">
        <div>
          <dt>Новых полных работ</dt>
          <dd data-testid="distribution-works">{works}</dd>
        </div>
        <div>
          <dt>Назначено экспертам</dt>
          <dd data-testid="distribution-assigned">{assigned}</dd>
        </div>
        <div>
          <dt>Из них на вторую проверку</dt>
          <dd data-testid="distribution-second">{secondScorings}</dd>
        </div>
        <div>
          <dt>Не назначено</dt>
          <dd data-testid="distribution-unassigned">{unassigned}</dd>
        </div>
      </dl>
      {works === 0 && (
        <p className="alert alert--info">
          Новых полностью загруженных работ нет. Проверьте загрузку сканов: работа считается полной,
          когда приняты все её страницы.
        </p>
      )}
      {unassigned > 0 && (
        <p className="alert alert--warning" role="alert">
          {unassigned} работ некому проверить: нет эксперта этого предмета из другой организации.
          Зарегистрируйте ещё экспертов и запустите распределение снова.
        </p>
      )}
      {experts.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="distribution-experts">
            <caption className="visually-hidden">Нагрузка экспертов после распределения</caption>
            <thead>
              <tr>
                <th scope="col">Эксперт</th>
                <th scope="col" className="table__num">
                  Работ всего
                </th>
              </tr>
            </thead>
            <tbody>
              {experts.map((expert) => (
                <tr key={expert.login}>
                  <td className="table__code">{expert.login}</td>
                  <td className="table__num">{expert.assigned}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
