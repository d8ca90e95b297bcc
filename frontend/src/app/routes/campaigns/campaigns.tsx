import { useState } from 'react';
import { useNavigate } from 'react-router';

import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { CampaignCreateForm } from '@/features/campaigns/components/campaign-create-form';
import { CampaignsList } from '@/features/campaigns/components/campaigns-list';

import { CoordinatorsOnly } from '../coordinators-only';

export function CampaignsRoute() {
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Кампании"
        subtitle="Оценочные процедуры, в которых вы участвуете, и их текущие этапы"
      />
      <CoordinatorsOnly>
        {(account) => (
          <div className="form-stack">
            {account.role === 'FEDERAL' &&
              (creating ? (
                <CampaignCreateForm
                  onCreated={(campaign) =>
                    void navigate(paths.campaigns.campaign.getHref(campaign.id))
                  }
                  onCancel={() => setCreating(false)}
                />
              ) : (
                <div>
                  <button type="button" className="button" onClick={() => setCreating(true)}>
                    Создать кампанию
                  </button>
                </div>
              ))}
            <CampaignsList />
          </div>
        )}
      </CoordinatorsOnly>
    </>
  );
}
