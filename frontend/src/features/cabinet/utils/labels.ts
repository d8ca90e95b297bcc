import type { CampaignKind } from '@/types/api';

export const campaignKindLabels = {
  VPR: 'ВПР',
  SPO: 'Исследование СПО',
  OMK: 'ОМК',
} as const satisfies Record<CampaignKind, string>;
