import type {
  Campaign,
  CampaignPage,
  Me,
  Organization,
  OrganizationBrief,
  OrganizationPage,
  Region,
  RegionPage,
  RegionSampleSummary,
  RegionTree,
  RegionTreeNode,
  SampleEntry,
  SampleEntryPage,
  SampleSummary,
  Stage,
  TokenResponse,
} from '@/types/api';

export const saratov: Region = {
  code: '64',
  name: 'Саратовская область',
  timeZone: 'Europe/Saratov',
  municipalityCount: 2,
  organizationCount: 45,
};

export const tatarstan: Region = {
  code: '16',
  name: 'Республика Татарстан',
  timeZone: 'Europe/Moscow',
  municipalityCount: 3,
  organizationCount: 61,
};

export const regionPage = (items: Region[], page = 0, totalPages = 1): RegionPage => ({
  items,
  page,
  size: 20,
  totalItems: totalPages > 1 ? totalPages * 20 : items.length,
  totalPages,
});

const node = (
  municipalityId: number | undefined,
  name: string,
  schools: number,
  colleges = 0,
): RegionTreeNode => ({
  municipalityId,
  name,
  organizationCount: schools + colleges,
  byKind: [
    { kind: 'SCHOOL', count: schools },
    { kind: 'COLLEGE', count: colleges },
  ],
});

export const saratovTree: RegionTree = {
  region: saratov,
  municipalities: [
    node(101, 'Энгельсский муниципальный район', 30, 2),
    node(102, 'Балаковский муниципальный район', 10),
  ],
  withoutMunicipality: { ...node(undefined, 'Без муниципалитета', 1, 2) },
};

export const organization = (overrides: Partial<Organization> = {}): Organization => ({
  id: 5001,
  login: 'edu640001',
  name: 'МОУ «Средняя общеобразовательная школа № 3» г. Энгельса',
  kind: 'SCHOOL',
  regionCode: '64',
  regionName: 'Саратовская область',
  municipalityId: 101,
  municipalityName: 'Энгельсский муниципальный район',
  settlementType: 'CITY',
  educationLevels: ['PRIMARY', 'BASIC', 'SECONDARY'],
  address: '413100, Саратовская обл., г. Энгельс, ул. Тельмана, д. 5',
  ...overrides,
});

export const organizationPage = (
  items: Organization[],
  page = 0,
  totalPages = 1,
  totalItems = items.length,
): OrganizationPage => ({ items, page, size: 20, totalItems, totalPages });

export const me = (overrides: Partial<Me> = {}): Me => ({
  login: 'federal',
  displayName: 'Федеральный организатор (демо)',
  role: 'FEDERAL',
  ...overrides,
});

export const tokens = (n = 1, overrides: Partial<TokenResponse> = {}): TokenResponse => ({
  access_token: `access-${n}`,
  token_type: 'Bearer',
  expires_in: 900,
  refresh_token: `refresh-${n}`,
  ...overrides,
});

// ---------- Campaigns, sample, logistics ----------

export const stage = (overrides: Partial<Stage> = {}): Stage => ({
  code: 'PRELIMINARY_LIST',
  name: 'Предварительный список ОО',
  opensAt: '2026-02-01T06:00:00Z',
  closesAt: '2026-02-20T15:00:00Z',
  effectiveClosesAt: '2026-02-20T15:00:00Z',
  state: 'CLOSED',
  ...overrides,
});

export const campaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  id: 7,
  kind: 'VPR',
  title: 'ВПР 2026, весна',
  academicYear: '2025/2026',
  subjects: [
    { key: 'rus-4', name: 'Русский язык', grade: 4, maxScore: 38 },
    { key: 'math-4', name: 'Математика', grade: 4, maxScore: 20 },
  ],
  regionCodes: ['16', '64'],
  stages: [
    stage(),
    stage({
      code: 'VERIFICATION',
      name: 'Выверка списка ОО',
      opensAt: '2026-02-21T06:00:00Z',
      closesAt: '2026-03-10T15:00:00Z',
      effectiveClosesAt: '2026-03-10T15:00:00Z',
      state: 'OPEN',
    }),
  ],
  currentStage: 'VERIFICATION',
  timeZone: 'Europe/Moscow',
  version: 3,
  createdAt: '2026-01-15T09:00:00Z',
  ...overrides,
});

export const campaignPage = (items: Campaign[]): CampaignPage => ({
  items,
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: 1,
});

export const organizationBrief = (
  overrides: Partial<OrganizationBrief> = {},
): OrganizationBrief => ({
  id: 5001,
  login: 'edu640001',
  name: 'МОУ «СОШ № 3» г. Энгельса',
  regionCode: '64',
  municipalityId: 101,
  municipalityName: 'Энгельсский муниципальный район',
  ...overrides,
});

export const sampleEntry = (overrides: Partial<SampleEntry> = {}): SampleEntry => ({
  organization: organizationBrief(),
  status: 'SELECTED',
  published: true,
  attributes: {
    participants: 54,
    institutionType: 'Средняя общеобразовательная школа',
    settlementType: 'CITY',
    educationLevels: ['PRIMARY', 'BASIC'],
    subjects: ['rus-4', 'math-4'],
  },
  ...overrides,
});

export const sampleEntryPage = (items: SampleEntry[]): SampleEntryPage => ({
  items,
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: 1,
});

export const sampleSummary = (regions: RegionSampleSummary[] = []): SampleSummary => ({
  campaignId: 7,
  regions,
});
