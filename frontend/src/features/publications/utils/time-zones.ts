import { useCampaignChoices } from '@/api/get-campaign-choices';
import { FALLBACK_TIME_ZONE } from './labels';

/**
 * The time zone to show a campaign's times in — the caller's region's, as the campaign reports
 * it (Moscow for the federal organizer). Until the campaigns load, or for an unknown one, Moscow.
 */
export function useCampaignTimeZone(): (campaignId: number | undefined) => string {
  const campaigns = useCampaignChoices();
  const items = campaigns.data?.items ?? [];
  return (campaignId) =>
    items.find((campaign) => campaign.id === campaignId)?.timeZone ??
    items[0]?.timeZone ??
    FALLBACK_TIME_ZONE;
}
