import { useId } from 'react';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign } from '@/types/api';

const hasScanning = (campaign: Campaign) =>
  campaign.stages.some((stage) => stage.code === 'SCANNING');

const scanningState = (campaign: Campaign) =>
  campaign.stages.find((stage) => stage.code === 'SCANNING')?.state;

/**
 * The campaign to open when the user has not picked one: the one being scanned now, else the next
 * to be scanned, else the first (issue 21: «Сканы» opened on a campaign whose scanning was over).
 */
export function defaultScanCampaign(campaigns: readonly Campaign[]): Campaign | undefined {
  return (
    campaigns.find((campaign) => scanningState(campaign) === 'OPEN') ??
    campaigns.find((campaign) => scanningState(campaign) === 'UPCOMING') ??
    campaigns[0]
  );
}

type CampaignSelectProps = {
  value: number | undefined;
  onChange: (campaign: Campaign) => void;
  /** Renders the rest of the page for the chosen campaign. */
  children: (campaign: Campaign) => React.ReactNode;
  /** Only these campaigns may be chosen (an organization's own scanning), all if absent. */
  only?: readonly number[];
};

/** The campaigns with a scanning stage; the one being scanned now until the user picks another. */
export function CampaignSelect({ value, onChange, children, only }: CampaignSelectProps) {
  const id = useId();
  const campaigns = useCampaignChoices();
  if (campaigns.isPending) return <Loading label="Загрузка кампаний…" />;
  if (campaigns.isError) {
    return <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  }
  const withScanning = campaigns.data.items.filter(
    (campaign) => hasScanning(campaign) && (only === undefined || only.includes(campaign.id)),
  );
  if (withScanning.length === 0) {
    return (
      <p className="alert alert--info" role="status">
        Сейчас нет кампаний со сканированием работ. Когда федеральный организатор откроет этап
        «Сканирование», кампания появится здесь.
      </p>
    );
  }
  const chosen =
    withScanning.find((campaign) => campaign.id === value) ?? defaultScanCampaign(withScanning)!;
  const scanning = chosen.stages.find((stage) => stage.code === 'SCANNING');
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Кампания</label>
        <select
          id={id}
          className="input"
          value={chosen.id}
          data-testid="scan-campaign"
          onChange={(event) => {
            const campaign = withScanning.find((c) => c.id === Number(event.target.value));
            if (campaign) onChange(campaign);
          }}
        >
          {withScanning.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.title}
            </option>
          ))}
        </select>
        {scanning && scanning.state !== 'OPEN' && (
          <small className="field__hint" data-testid="scanning-closed">
            Этап «Сканирование» сейчас {scanning.state === 'CLOSED' ? 'закрыт' : 'ещё не открыт'}:
            загрузка и замена файлов не принимаются.
          </small>
        )}
      </div>
      {children(chosen)}
    </>
  );
}
