import { campaign, me, organizationBrief } from './data';
import { formResponse, formSummary, protocol2 } from './forms-data';
import type { KitCredentials } from '@/types/api';

// Fixtures for protocol 1 (issue 6): an assessment point of an ОМК with five kits of literature
// (seed 001, figures 4–7) and its protocol 2 draft.

export const pointAccount = me({
  login: 'edu645001',
  displayName: 'ППО при СОШ № 3',
  role: 'ORGANIZATION',
  regionCode: '64',
  organizationId: 6001,
});

export const omkCampaign = campaign({
  kind: 'OMK',
  title: 'ОМК учителей 2026',
  subjects: [
    { key: 'lit', name: 'Литература' },
    { key: 'rus', name: 'Русский язык' },
  ],
  regionCodes: ['64'],
  timeZone: 'Europe/Saratov',
});

export const kitCredentials = (overrides: Partial<KitCredentials> = {}): KitCredentials => ({
  subjectKey: 'lit',
  subjectName: 'Литература',
  category: 'TEACHER',
  organization: organizationBrief({ id: 6001, login: 'edu645001', name: 'ППО при СОШ № 3' }),
  link: 'https://oko.example.org/q',
  // 09:00 and 18:00 in Saratov (UTC+4).
  validFrom: '2026-04-15T05:00:00Z',
  validUntil: '2026-04-30T14:00:00Z',
  items: [
    { kit: 501501, login: 'ulit64501501', password: '33289' },
    { kit: 501502, login: 'ulit64501502', password: '56579' },
    { kit: 501503, login: 'ulit64501503', password: '31469' },
    { kit: 501504, login: 'ulit64501504', password: '70112' },
    { kit: 501505, login: 'ulit64501505', password: '48820' },
  ],
  ...overrides,
});

/** Protocol 2 of literature: its sheet is pre-filled with the point's kits. */
export const protocol2Lit = protocol2({
  id: 41,
  code: 'protocol2-lit',
  title: 'Электронный протокол 2: Литература',
  subjectKey: 'lit',
  sheets: protocol2().sheets.map((sheet) => ({
    ...sheet,
    prefill: 'KITS' as const,
    columns: sheet.columns.map((column) =>
      column.key === 'schoolLogin' ? { ...column, key: 'school' } : column,
    ),
    rules: [],
  })),
});

export const protocol2LitSummary = formSummary({
  id: 41,
  code: 'protocol2-lit',
  title: 'Электронный протокол 2: Литература',
  subjectKey: 'lit',
  myStatus: 'DRAFT',
});

/** Another form of the same subject, not pre-filled with kits: not protocol 2. */
export const otherLitForm = formSummary({
  id: 42,
  code: 'report-lit',
  title: 'Отчёт по литературе',
  subjectKey: 'lit',
});

export const otherLitDefinition = protocol2({
  id: 42,
  code: 'report-lit',
  title: 'Отчёт по литературе',
  subjectKey: 'lit',
  sheets: protocol2().sheets.map((sheet) => ({ ...sheet, prefill: 'NONE' as const })),
});

/** Protocol 2 of another subject. */
export const protocol2RusSummary = formSummary({
  id: 43,
  code: 'protocol2-rus',
  title: 'Электронный протокол 2: Русский язык',
  subjectKey: 'rus',
});

/** The point's draft of figure 5: three kits used, one spoiled, one not used. */
export const protocol2LitDraft = (rows = figure5Rows()) =>
  formResponse({
    formId: 41,
    status: 'DRAFT',
    version: 3,
    sheets: { kits: rows },
  });

export const figure5Rows = (): Record<string, string>[] => [
  { kit: '501501', comment: 'использован', school: 'edu777777' },
  { kit: '501502', comment: 'использован', school: 'edu777778' },
  { kit: '501503', comment: 'использован', school: 'edu777779' },
  { kit: '501504', comment: 'не использован' },
  { kit: '501505', comment: 'испорчен' },
];
