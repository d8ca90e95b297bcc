import '@/features/cabinet/cabinet.css';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { PageHeader } from '@/components/ui/page-header';
import { useMe } from '@/features/auth/api/get-me';
import { MyCampaigns } from '@/features/cabinet/components/my-campaigns';
import { TestDaysPanel } from '@/features/campaigns/components/test-days-panel';
import { CodesPanel } from '@/features/participant-codes/components/codes-panel';
import { useFormsOfCampaigns } from '@/features/forms/api/get-forms';
import { CampaignForms } from '@/features/forms/components/campaign-forms';
import { KitsPanel } from '@/features/kits/components/kits-panel';
import { LatestPublications } from '@/features/publications/components/latest-publications';
import { QuestionnaireLoginsPanel } from '@/features/questionnaires/components/questionnaire-logins-panel';
import { QuestionnairesPanel } from '@/features/questionnaires/components/questionnaires-panel';
import { RegionalRoadmapPanel } from '@/features/roadmaps/components/regional-roadmap-panel';
import type { Campaign } from '@/types/api';

import { isCoordinator } from '../coordinators-only';
import { stageActionFor } from './stage-actions';

/** Seed 003 11–12: the region's roadmap sets its own and its coordinators' deadlines. */
const isRegionCoordinator = (role: string) =>
  role === 'REGIONAL' || role === 'MUNICIPAL' || role === 'RESPONSIBLE';

/** A scanning centre's campaigns are those with scanning in their schedule. */
const isScanned = (campaign: Campaign) =>
  campaign.stages.some((stage) => stage.code === 'SCANNING');

/**
 * The personal account (личный кабинет): the account's campaigns with the stage under way and its
 * deadline, and the newest publications. A scanning centre sees the campaigns it scans, each
 * leading to the upload while scanning is open, and nothing it may not open (forms,
 * publications).
 */
export function CabinetRoute() {
  const me = useMe();
  const scanner = me.data?.role === 'SCANNER';
  const campaigns = useCampaignChoices({ queryConfig: { staleTime: 0 } });
  // The forms behind each card, so that the first action can be the form to hand in now.
  const formsOf = useFormsOfCampaigns(
    campaigns.data?.items.map((campaign) => campaign.id) ?? [],
    me.data !== undefined && !scanner,
  );
  if (scanner) {
    return (
      <>
        <PageHeader title="Личный кабинет" subtitle={me.data?.displayName} />
        <div className="cabinet-layout cabinet-layout--single" data-testid="cabinet">
          <MyCampaigns stageAction={stageActionFor(me.data)} only={isScanned} />
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Личный кабинет" subtitle={me.data?.displayName} />
      <div className="cabinet-layout" data-testid="cabinet">
        <MyCampaigns
          stageAction={stageActionFor(me.data, formsOf)}
          renderExtra={(campaign) => (
            <>
              {campaign.kind === 'VPR' &&
                me.data?.role === 'ORGANIZATION' &&
                me.data.organizationId !== undefined &&
                campaign.stages.some((stage) => stage.code === 'CONDUCT') && (
                  <TestDaysPanel
                    campaign={campaign}
                    organizationId={me.data.organizationId}
                    headingLevel={4}
                  />
                )}
              {campaign.kind === 'VPR' && me.data?.role === 'ORGANIZATION' && (
                <CodesPanel campaign={campaign} headingLevel={4} />
              )}
              {me.data && isRegionCoordinator(me.data.role) && (
                <RegionalRoadmapPanel campaign={campaign} account={me.data} />
              )}
              <CampaignForms campaignId={campaign.id} canMonitor={isCoordinator(me.data?.role)} />
              {campaign.kind === 'OMK' && me.data?.role === 'ORGANIZATION' && (
                <KitsPanel campaign={campaign} role={me.data.role} headingLevel={4} />
              )}
              {campaign.kind === 'OMK' && me.data?.role === 'ORGANIZATION' && (
                <QuestionnairesPanel campaign={campaign} role={me.data.role} headingLevel={4} />
              )}
              {campaign.kind !== 'OMK' &&
                me.data?.role === 'ORGANIZATION' &&
                campaign.stages.some((stage) => stage.code === 'QUESTIONNAIRE') && (
                  <QuestionnaireLoginsPanel campaign={campaign} headingLevel={4} />
                )}
            </>
          )}
        />
        <LatestPublications />
      </div>
    </>
  );
}
