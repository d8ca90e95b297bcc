import { useParams } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useCampaign } from '@/api/get-campaign';
import { InventoryButton } from '@/features/logistics/components/inventory-button';
import { PreliminaryListPanel } from '@/features/sample/components/preliminary-list-panel';
import { SampleDrawForm } from '@/features/sample/components/sample-draw-form';
import { SampleEntries } from '@/features/sample/components/sample-entries';
import { SampleSummaryTable } from '@/features/sample/components/sample-summary-table';
import { VerificationPanel } from '@/features/sample/components/verification-panel';
import type { Campaign, Me, SampleEntry } from '@/types/api';

import { CoordinatorsOnly } from '../coordinators-only';
import { NotFoundRoute } from '../not-found';

export function CampaignSampleRoute() {
  const campaignId = Number(useParams().campaignId);
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0) return <NotFoundRoute />;
  return (
    <CoordinatorsOnly>
      {(account) => <SamplePage campaignId={campaignId} account={account} />}
    </CoordinatorsOnly>
  );
}

/** The sample page's title for `role`, also the text of every link to it (issue 21). */
export function sampleTitle(role: Me['role']): string {
  if (role === 'MUNICIPAL' || role === 'RESPONSIBLE') return 'Выверка списка ОО';
  if (role === 'REGIONAL') return 'Предварительный список и выборка';
  return 'Выборка организаций';
}

function SamplePage({ campaignId, account }: { campaignId: number; account: Me }) {
  const campaign = useCampaign({ campaignId });
  const title = sampleTitle(account.role);
  const crumbs = [{ label: 'Кампании', to: paths.campaigns.list.getHref() }];
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) {
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: title }]} />
        <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />
      </>
    );
  }
  const data = campaign.data;
  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs,
          { label: data.title, to: paths.campaigns.campaign.getHref(data.id) },
          { label: title },
        ]}
      />
      <PageHeader title={title} subtitle={data.title} />
      <div className="form-stack">
        <SampleSections campaign={data} account={account} />
      </div>
    </>
  );
}

function SampleSections({ campaign, account }: { campaign: Campaign; account: Me }) {
  const inventory = (entry: SampleEntry) =>
    entry.status === 'SELECTED' && entry.published ? (
      <InventoryButton campaignId={campaign.id} organization={entry.organization} />
    ) : null;

  switch (account.role) {
    case 'FEDERAL':
      return (
        <>
          <section className="panel" aria-labelledby="summary-title">
            <h2 id="summary-title" className="panel__title">
              По регионам
            </h2>
            <SampleSummaryTable campaignId={campaign.id} timeZone={campaign.timeZone} canPublish />
          </section>
          <section className="panel" aria-labelledby="draw-title">
            <h2 id="draw-title" className="panel__title">
              Сформировать выборку
            </h2>
            <SampleDrawForm campaignId={campaign.id} regionCodes={campaign.regionCodes} />
          </section>
          <SampleEntries
            campaignId={campaign.id}
            timeZone={campaign.timeZone}
            title="Организации"
            regionCodes={campaign.regionCodes}
            canSelect
            renderActions={inventory}
          />
        </>
      );
    case 'REGIONAL':
      return (
        <>
          <section className="panel" aria-labelledby="summary-title">
            <h2 id="summary-title" className="panel__title">
              Ваш регион
            </h2>
            <SampleSummaryTable
              campaignId={campaign.id}
              timeZone={campaign.timeZone}
              canPublish={false}
            />
          </section>
          {account.regionCode && (
            <PreliminaryListPanel campaign={campaign} regionCode={account.regionCode} />
          )}
          <SampleEntries
            campaignId={campaign.id}
            timeZone={campaign.timeZone}
            title="Организации региона"
            renderActions={inventory}
          />
        </>
      );
    default:
      return (
        <>
          <VerificationPanel campaignId={campaign.id} timeZone={campaign.timeZone} />
          <SampleEntries
            campaignId={campaign.id}
            timeZone={campaign.timeZone}
            title="Ваши организации в выборке"
            renderActions={inventory}
          />
        </>
      );
  }
}
