import type {
  Me,
  Organization,
  OrganizationPage,
  Region,
  RegionPage,
  RegionTree,
  RegionTreeNode,
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
