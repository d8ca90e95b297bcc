import { Link, useSearchParams } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import type { Me } from '@/types/api';

import '../scoring.css';
import { useCampaign } from '@/api/get-campaign';
import { DistributionPanel } from './distribution-panel';
import { ExpertsPanel } from './experts-panel';
import { ResultsPanel } from './results-panel';
import { SchemesPanel } from './schemes-panel';

const TABS = [
  { key: 'schemes', label: 'Схемы бланков' },
  { key: 'experts', label: 'Эксперты' },
  { key: 'distribution', label: 'Распределение' },
  { key: 'results', label: 'Результаты' },
] as const;

type Tab = (typeof TABS)[number]['key'];

const isTab = (value: string | null): value is Tab => TABS.some((tab) => tab.key === value);

/** The organizer's scoring page of a campaign: schemes, experts, distribution, results. */
export function ScoringAdmin({ account, campaignId }: { account: Me; campaignId: number }) {
  const campaign = useCampaign({ campaignId });
  const [search] = useSearchParams();
  const requested = search.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'schemes';

  if (campaign.isPending) return <Loading label="Загружаем кампанию…" />;
  if (campaign.isError) {
    return (
      <ErrorMessage
        error={campaign.error}
        title="Не удалось открыть кампанию"
        onRetry={() => void campaign.refetch()}
      />
    );
  }
  const data = campaign.data;

  return (
    <div className="scoring-admin">
      <PageHeader title="Эксперты и проверка работ" subtitle={data.title}>
        <Breadcrumbs
          items={[
            { label: 'Эксперты и проверка', to: paths.scoring.admin.getHref() },
            { label: data.title, to: paths.campaigns.campaign.getHref(data.id) },
            { label: 'Проверка работ' },
          ]}
        />
      </PageHeader>
      <nav className="scoring-tabs" aria-label="Разделы проверки работ">
        {TABS.map((item) => (
          <Link
            key={item.key}
            className={`scoring-tabs__item${item.key === tab ? ' scoring-tabs__item--current' : ''}`}
            to={paths.scoring.campaign.getHref(data.id, item.key)}
            aria-current={item.key === tab ? 'page' : undefined}
            replace
          >
            {item.label}
          </Link>
        ))}
      </nav>
      {tab === 'schemes' && <SchemesPanel account={account} campaign={data} />}
      {tab === 'experts' && <ExpertsPanel account={account} campaign={data} />}
      {tab === 'distribution' && <DistributionPanel account={account} campaign={data} />}
      {tab === 'results' && <ResultsPanel account={account} campaign={data} />}
    </div>
  );
}
