import { organizationBrief } from './data';
import type {
  Expert,
  ScanCriterion,
  ScanScheme,
  ScoringResult,
  ScoringTask,
  ScoringTaskSummary,
} from '@/types/api';

export const criteria: ScanCriterion[] = [
  { code: '1', title: 'Решение задачи 1', maxScore: 2, page: 1 },
  { code: '3.1', title: 'Сочинение: содержание', maxScore: 3, page: 2 },
];

export const taskSummary = (overrides: Partial<ScoringTaskSummary> = {}): ScoringTaskSummary => ({
  id: 11,
  campaignId: 7,
  subjectKey: 'rus-4',
  subjectName: 'Русский язык',
  kitNumber: 501501,
  round: 1,
  status: 'OPEN',
  assignedAt: '2026-04-20T07:00:00Z',
  timeZone: 'Europe/Saratov',
  ...overrides,
});

export const scoringTask = (overrides: Partial<ScoringTask> = {}): ScoringTask => ({
  ...taskSummary(),
  criteria,
  pages: [1, 2],
  scores: [],
  final: false,
  ...overrides,
});

export const taskPage = (items: ScoringTaskSummary[], total = items.length) => ({
  items,
  page: 0,
  size: 20,
  total,
});

export const scanScheme = (overrides: Partial<ScanScheme> = {}): ScanScheme => ({
  subjectKey: 'rus-4',
  subjectName: 'Русский язык',
  pages: 2,
  criteria,
  secondScoringPercent: 10,
  discrepancyThreshold: 2,
  updatedAt: '2026-04-01T09:00:00Z',
  ...overrides,
});

export const expert = (overrides: Partial<Expert> = {}): Expert => ({
  login: 'expert64-01',
  displayName: 'Иванова Мария Петровна',
  regionCode: '64',
  organization: organizationBrief(),
  subjects: ['rus-4'],
  assigned: 12,
  scored: 5,
  approval: 'APPROVED',
  ...overrides,
});

export const expertPage = (items: Expert[]) => ({
  items,
  page: 0,
  size: 20,
  total: items.length,
});

export const scoringResult = (overrides: Partial<ScoringResult> = {}): ScoringResult => ({
  organization: organizationBrief(),
  subjectKey: 'rus-4',
  kitNumber: 501501,
  status: 'FINAL',
  total: 4,
  scores: [
    { code: '1', score: 2 },
    { code: '3.1', score: 2 },
  ],
  rounds: [{ round: 1, total: 4 }],
  ...overrides,
});
