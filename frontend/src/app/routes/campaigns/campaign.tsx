import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useCampaign } from '@/api/get-campaign';
import { CampaignCreateForm } from '@/features/campaigns/components/campaign-create-form';
import { CampaignDetails } from '@/features/campaigns/components/campaign-details';
import { CampaignSchedule } from '@/features/campaigns/components/campaign-schedule';
import { OrganizationTestDays } from '@/features/campaigns/components/organization-test-days';
import { StageExtensionForm } from '@/features/campaigns/components/stage-extension-form';
import { RegionalWindowsDisclosure } from '@/features/campaigns/components/regional-windows';
import { StageExtensions } from '@/features/campaigns/components/stage-extensions';
import { CampaignForms } from '@/features/forms/components/campaign-forms';
import { KitsPanel } from '@/features/kits/components/kits-panel';
import { LogisticsPanel } from '@/features/logistics/components/logistics-panel';
import { OrganizationLookup } from '@/features/organization-overview/components/organization-lookup';
import { QuestionnairesPanel } from '@/features/questionnaires/components/questionnaires-panel';
import type { Campaign, Me, StageCode } from '@/types/api';

import { CoordinatorsOnly } from '../coordinators-only';
import { NotFoundRoute } from '../not-found';
import { sampleTitle } from './sample';
import { seesStaff } from '@/features/staff/components/staff-labels';
import { isStaff } from '../staff-only';

const hasStage = (campaign: Campaign, code: StageCode) =>
  campaign.stages.some((stage) => stage.code === code);

export function CampaignRoute() {
  const campaignId = Number(useParams().campaignId);
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0) return <NotFoundRoute />;
  return (
    <CoordinatorsOnly>
      {(account) => <CampaignPage campaignId={campaignId} account={account} />}
    </CoordinatorsOnly>
  );
}

function CampaignPage({ campaignId, account }: { campaignId: number; account: Me }) {
  const campaign = useCampaign({ campaignId });
  const [editing, setEditing] = useState(false);
  const crumbs = [{ label: 'Кампании', to: paths.campaigns.list.getHref() }];
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) {
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: 'Кампания' }]} />
        <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />
      </>
    );
  }
  const data = campaign.data;
  const federal = account.role === 'FEDERAL';
  const staff = isStaff(account.role);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: data.title }]} />
      <PageHeader title={data.title} subtitle={`Учебный год ${data.academicYear}`} />
      <div className="form-stack">
        {federal && editing ? (
          <CampaignCreateForm
            // A fresh read (after a 409) starts the form again from what is stored now.
            key={data.version}
            campaign={data}
            onCreated={() => setEditing(false)}
            onCancel={() => setEditing(false)}
            onReload={() => void campaign.refetch()}
          />
        ) : (
          <CampaignDetails campaign={data} />
        )}
        {federal && !editing && (
          <div>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setEditing(true)}
            >
              Изменить
            </button>
          </div>
        )}
        <div className="actions">
          <Link className="button" to={paths.campaigns.sample.getHref(data.id)}>
            {sampleTitle(account.role)}
          </Link>
          {seesStaff(account.role) && (
            <Link className="button button--secondary" to={paths.campaigns.staff.getHref(data.id)}>
              Работники
            </Link>
          )}
          {staff && hasStage(data, 'SCANNING') && (
            <Link
              className="button button--secondary"
              to={paths.scans.dashboard.getHref(
                data.id,
                account.role === 'REGIONAL' ? account.regionCode : undefined,
              )}
            >
              Сканы работ
            </Link>
          )}
          {staff && hasStage(data, 'SCORING') && (
            <Link className="button button--secondary" to={paths.scoring.campaign.getHref(data.id)}>
              Проверка экспертами
            </Link>
          )}
        </div>
        <CampaignSchedule
          campaign={data}
          canEdit={federal}
          onReload={() => void campaign.refetch()}
        />
        {federal && (
          <section className="panel" aria-labelledby="extend-title">
            <h2 id="extend-title" className="panel__title">
              Продлить этап
            </h2>
            <StageExtensionForm campaign={data} />
          </section>
        )}
        {(federal || account.role === 'REGIONAL') && (
          <section className="panel" aria-labelledby="regional-windows-title">
            <h2 id="regional-windows-title" className="panel__title">
              {federal ? 'Сроки этапов по регионам' : 'Сроки этапов в вашем регионе'}
            </h2>
            <RegionalWindowsDisclosure campaign={data} canEdit={federal} />
          </section>
        )}
        {(federal || account.role === 'REGIONAL') && (
          <section className="panel" aria-labelledby="extensions-title">
            <h2 id="extensions-title" className="panel__title">
              {federal ? 'Продления сроков' : 'Продления сроков для вашего региона'}
            </h2>
            <StageExtensions campaign={data} />
          </section>
        )}
        <OrganizationLookup campaignId={data.id} />
        {data.kind === 'VPR' && hasStage(data, 'CONDUCT') && (
          <OrganizationTestDays campaign={data} />
        )}
        <LogisticsPanel campaign={data} account={account} />
        {data.kind === 'OMK' && <KitsPanel campaign={data} role={account.role} />}
        {(data.kind === 'OMK' || hasStage(data, 'QUESTIONNAIRE')) && (
          <QuestionnairesPanel campaign={data} role={account.role} />
        )}
        <CampaignForms
          campaignId={data.id}
          canMonitor
          canDesign={federal || account.role === 'REGIONAL'}
          ownRegion={federal ? undefined : (account.regionCode ?? undefined)}
          headingLevel={2}
          framed
        />
      </div>
    </>
  );
}
