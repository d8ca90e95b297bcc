import { campaign, organizationBrief, stage } from './data';
import type { Campaign, ScanBatch, ScanProgressRow, ScanSheet, SheetCounts } from '@/types/api';

/** An ОМК campaign whose scanning stage is open, seen from region 64. */
export const scanCampaign = (overrides: Partial<Campaign> = {}) =>
  campaign({
    id: 9,
    kind: 'OMK',
    title: 'ОМК 2026',
    subjects: [
      { key: 'rus', name: 'Русский язык', grade: 9, maxScore: 30 },
      { key: 'math', name: 'Математика', grade: 9, maxScore: 25 },
    ],
    stages: [
      stage({
        code: 'SCANNING',
        name: 'Сканирование',
        opensAt: '2026-04-01T06:00:00Z',
        closesAt: '2026-12-20T15:00:00Z',
        effectiveClosesAt: '2026-12-20T15:00:00Z',
        state: 'OPEN',
      }),
    ],
    currentStage: 'SCANNING',
    timeZone: 'Europe/Saratov',
    ...overrides,
  });

export const counts = (overrides: Partial<SheetCounts> = {}): SheetCounts => ({
  uploaded: 0,
  processing: 0,
  accepted: 0,
  errors: 0,
  assigned: 0,
  scored: 0,
  verified: 0,
  ...overrides,
});

export const ppo = organizationBrief({
  id: 6401,
  login: 'edu645001',
  name: 'ППО № 1 г. Саратова',
});

export const scanBatch = (overrides: Partial<ScanBatch> = {}): ScanBatch => ({
  id: 41,
  campaignId: 9,
  subjectKey: 'rus',
  organization: ppo,
  fileName: '501501_1.png',
  size: 1000,
  receivedBytes: 0,
  status: 'RECEIVING',
  sheets: counts(),
  uploadedBy: 'scan64',
  createdAt: '2026-05-12T07:30:00Z',
  ...overrides,
});

export const scanSheet = (overrides: Partial<ScanSheet> = {}): ScanSheet => ({
  id: 301,
  batchId: 41,
  campaignId: 9,
  subjectKey: 'rus',
  organization: ppo,
  fileName: 'scans/501501_2.png',
  kitNumber: 501501,
  page: 2,
  status: 'ERROR',
  errorCode: 'BLANK_PAGE',
  errorMessage: 'Страница пустая: похоже, отсканирован чистый лист.',
  size: 52000,
  hasThumbnail: true,
  uploadedAt: '2026-05-12T07:31:00Z',
  updatedAt: '2026-05-12T07:32:00Z',
  ...overrides,
});

export const page = <T>(items: T[]) => ({ items, page: 0, size: 20, total: items.length });

export const progressRow = (
  key: string,
  name: string,
  sheets: Partial<SheetCounts>,
  extra: Partial<ScanProgressRow> = {},
): ScanProgressRow => ({ key, name, sheets: counts(sheets), ...extra });
