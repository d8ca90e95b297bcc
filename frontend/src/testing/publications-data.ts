import type {
  Attachment,
  Campaign,
  CampaignPage,
  DownloadPage,
  DownloadRow,
  Publication,
  PublicationPage,
  Stage,
} from '@/types/api';

// Fixtures for campaigns, publications and downloads (issue 4).

export const stage = (overrides: Partial<Stage> = {}): Stage => ({
  code: 'VERIFICATION',
  name: 'Выверка списка ОО',
  opensAt: '2026-04-01T05:00:00Z',
  closesAt: '2026-04-15T15:00:00Z',
  effectiveClosesAt: '2026-04-15T15:00:00Z',
  state: 'OPEN',
  ...overrides,
});

export const campaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  id: 11,
  kind: 'VPR',
  title: 'ВПР 2026, весна',
  academicYear: '2025/2026',
  subjects: [{ key: 'rus-4', name: 'Русский язык', grade: 4 }],
  regionCodes: ['64', '16'],
  stages: [
    stage({
      code: 'PRELIMINARY_LIST',
      name: 'Предварительный список ОО',
      opensAt: '2026-03-01T05:00:00Z',
      closesAt: '2026-03-20T15:00:00Z',
      effectiveClosesAt: '2026-03-20T15:00:00Z',
      state: 'CLOSED',
    }),
    stage(),
    stage({
      code: 'MATERIALS',
      name: 'Получение материалов',
      opensAt: '2026-04-20T04:00:00Z',
      closesAt: '2026-04-25T15:00:00Z',
      effectiveClosesAt: '2026-04-25T15:00:00Z',
      state: 'UPCOMING',
    }),
  ],
  currentStage: 'VERIFICATION',
  timeZone: 'Europe/Saratov',
  version: 3,
  createdAt: '2026-02-01T08:00:00Z',
  ...overrides,
});

export const campaignPage = (items: Campaign[]): CampaignPage => ({
  items,
  page: 0,
  size: 50,
  totalItems: items.length,
  totalPages: 1,
});

export const attachment = (overrides: Partial<Attachment> = {}): Attachment => ({
  id: 301,
  kind: 'INSTRUCTION',
  fileName: 'instrukciya-oo.pdf',
  size: 120 * 1024,
  perOrganization: false,
  ...overrides,
});

export const publication = (overrides: Partial<Publication> = {}): Publication => ({
  id: 71,
  campaignId: 11,
  campaignTitle: 'ВПР 2026, весна',
  title: 'Инструкция для организаций',
  body: 'Порядок проведения ВПР в 4 классах.',
  audience: { roles: ['ORGANIZATION'], regionCodes: [], sampleOnly: true },
  status: 'RELEASED',
  releaseAt: '2026-04-10T05:00:00Z',
  authorLogin: 'federal',
  authorName: 'Федеральный организатор (демо)',
  attachments: [attachment()],
  read: false,
  createdAt: '2026-04-09T10:00:00Z',
  version: 1,
  ...overrides,
});

export const publicationPage = (
  items: Publication[],
  unread = items.filter((item) => !item.read).length,
  page = 0,
  totalPages = 1,
): PublicationPage => ({
  items,
  unread,
  page,
  size: 20,
  totalItems: totalPages > 1 ? totalPages * 20 : items.length,
  totalPages,
});

export const downloadRow = (overrides: Partial<DownloadRow> = {}): DownloadRow => ({
  organization: {
    id: 5001,
    login: 'edu640001',
    name: 'МОУ «СОШ № 3» г. Энгельса',
    regionCode: '64',
    municipalityId: 101,
    municipalityName: 'Энгельсский муниципальный район',
  },
  firstDownloadedAt: '2026-04-10T05:12:00Z',
  lastDownloadedAt: '2026-04-10T06:30:00Z',
  downloads: 2,
  ...overrides,
});

export const downloadPage = (
  items: DownloadRow[],
  totals: { audience: number; downloaded: number },
  page = 0,
  totalPages = 1,
): DownloadPage => ({
  items,
  page,
  size: 20,
  totalItems: totalPages > 1 ? totalPages * 20 : items.length,
  totalPages,
  audienceOrganizations: totals.audience,
  downloadedOrganizations: totals.downloaded,
});
