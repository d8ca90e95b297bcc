import { useState } from 'react';
import { useParams } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { RegionSelect } from '@/components/ui/region-select';
import { paths } from '@/config/paths';
import { useCampaign } from '@/api/get-campaign';
import { useMe } from '@/features/auth/api/get-me';
import { StaffCoverage } from '@/features/staff/components/staff-coverage';
import { StaffSubmissions } from '@/features/staff/components/staff-submissions';
import { StaffUpload } from '@/features/staff/components/staff-upload';
import { KEEPERS, seesStaff } from '@/features/staff/components/staff-labels';
import type { Me } from '@/types/api';

import { NotFoundRoute } from '../not-found';

/** «Работники»: staff registers of a campaign (issue 19; seed 000). */
export function CampaignStaffRoute() {
  const campaignId = Number(useParams().campaignId);
  const me = useMe();
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0) return <NotFoundRoute />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!seesStaff(me.data.role)) {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__title">Недостаточно прав</p>
        <p className="alert__text">Списки работников ведут координаторы и организации.</p>
      </div>
    );
  }
  return <StaffPage campaignId={campaignId} account={me.data} />;
}

function StaffPage({ campaignId, account }: { campaignId: number; account: Me }) {
  const campaign = useCampaign({ campaignId });
  const crumbs = [{ label: 'Кампании', to: paths.campaigns.list.getHref() }];
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) {
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: 'Работники' }]} />
        <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />
      </>
    );
  }
  const federal = account.role === 'FEDERAL';
  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs,
          { label: campaign.data.title, to: paths.campaigns.campaign.getHref(campaignId) },
          { label: 'Работники' },
        ]}
      />
      <PageHeader
        title="Работники организаций"
        subtitle="Ответственные организаторы, организаторы в аудитории и технические специалисты"
      />
      <div className="form-stack">
        {(federal || account.role === 'REGIONAL') && (
          <StaffSubmissions campaignId={campaignId} canSubmit={account.role === 'REGIONAL'} />
        )}
        {KEEPERS.includes(account.role) && <StaffUpload campaignId={campaignId} />}
        {federal ? (
          <FederalCoverage campaignId={campaignId} />
        ) : (
          <StaffCoverage campaignId={campaignId} />
        )}
      </div>
    </>
  );
}

/** The federal organizer looks at one region's registers at a time. */
function FederalCoverage({ campaignId }: { campaignId: number }) {
  const [region, setRegion] = useState<string>();
  return (
    <>
      <RegionSelect
        id="staff-region"
        label="Регион"
        value={region}
        onChange={(value) => setRegion(value || undefined)}
      />
      {region && <StaffCoverage key={region} campaignId={campaignId} regionCode={region} />}
    </>
  );
}
