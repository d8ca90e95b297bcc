import type {
  FormColumn,
  FormDefinition,
  FormMonitoringItem,
  FormMonitoringPage,
  FormResponse,
  FormSummary,
  FormWindow,
} from '@/types/api';

// Fixtures for data collection (issue 5): protocol 2 of ОМК (pre-filled kit numbers) and a ВПР
// results protocol (participants added freely, a score per task, a computed total).

/** A column with the contract's defaults (not required, not read-only, not unique). */
const col = (
  column: Partial<FormColumn> & Pick<FormColumn, 'key' | 'title' | 'type'>,
): FormColumn => ({
  required: false,
  readOnly: false,
  unique: false,
  ...column,
});

export const formWindow = (overrides: Partial<FormWindow> = {}): FormWindow => ({
  opensAt: '2026-03-01T06:00:00Z',
  closesAt: '2026-03-15T15:00:00Z',
  open: true,
  timeZone: 'Europe/Moscow',
  ...overrides,
});

export const protocol2 = (overrides: Partial<FormDefinition> = {}): FormDefinition => ({
  id: 31,
  campaignId: 7,
  code: 'protocol2-math',
  title: 'Электронный протокол 2 (математика)',
  instruction: 'Укажите для каждого комплекта, как он использован.',
  stage: 'CONDUCT',
  respondent: 'ORGANIZATION',
  sheets: [
    {
      key: 'kits',
      title: 'Протокол 2',
      layout: 'TABLE',
      prefill: 'STORED',
      keyColumn: 'kit',
      maxRows: 5000,
      columns: [
        col({ key: 'kit', title: 'Номер комплекта', type: 'TEXT', readOnly: true }),
        col({
          key: 'comment',
          title: 'Комментарий',
          type: 'ENUM',
          required: true,
          options: ['использован', 'испорчен', 'не использован'],
        }),
        col({
          key: 'schoolLogin',
          title: 'Логин ОО, в которой работает учитель',
          type: 'ORG_LOGIN',
          hint: 'Логин школы учителя, например edu777777',
        }),
      ],
      rules: [
        {
          when: 'comment',
          equals: ['использован'],
          require: ['schoolLogin'],
          message: 'Укажите логин ОО, если комплект использован',
        },
      ],
    },
  ],
  version: 2,
  updatedAt: '2026-02-20T09:00:00Z',
  ...overrides,
});

export const resultsProtocol = (overrides: Partial<FormDefinition> = {}): FormDefinition => ({
  id: 32,
  campaignId: 7,
  code: 'results-math-4',
  title: 'Протокол результатов: математика, 4 класс',
  stage: 'RESULTS_PROTOCOL',
  respondent: 'ORGANIZATION',
  subjectKey: 'math-4',
  sheets: [
    {
      key: 'results',
      title: 'Результаты',
      layout: 'TABLE',
      prefill: 'NONE',
      maxRows: 4,
      columns: [
        col({
          key: 'code',
          title: 'Код участника',
          type: 'PARTICIPANT_CODE',
          required: true,
          unique: true,
        }),
        col({ key: 'variant', title: 'Вариант', type: 'INTEGER', required: true, min: 1, max: 2 }),
        col({
          key: 'task_1',
          title: '1',
          type: 'INTEGER',
          min: 0,
          max: 1,
          group: 'Баллы за задания',
        }),
        col({
          key: 'task_2',
          title: '2',
          type: 'INTEGER',
          min: 0,
          max: 2,
          group: 'Баллы за задания',
        }),
        col({
          key: 'task_3',
          title: '3',
          type: 'INTEGER',
          min: 0,
          max: 2,
          group: 'Баллы за задания',
        }),
        col({ key: 'total', title: 'Сумма баллов', type: 'COMPUTED_SUM', sumOf: ['tasks'] }),
      ],
    },
    {
      key: 'about',
      title: 'Сведения',
      layout: 'RECORD',
      prefill: 'NONE',
      maxRows: 1,
      columns: [
        col({ key: 'teacher', title: 'Учитель (без ФИО — стаж, лет)', type: 'INTEGER', min: 0 }),
        col({ key: 'date', title: 'Дата проведения', type: 'DATE', required: true }),
      ],
    },
  ],
  version: 1,
  updatedAt: '2026-02-20T09:00:00Z',
  ...overrides,
});

/** A response; `rowCounts` follow its `sheets` and it comes whole unless overridden. */
export const formResponse = (overrides: Partial<FormResponse> = {}): FormResponse => {
  const response: Omit<FormResponse, 'rowCounts' | 'rowsComplete'> & Partial<FormResponse> = {
    formId: 31,
    definitionVersion: 2,
    respondent: {
      kind: 'ORGANIZATION',
      organizationId: 5001,
      organizationLogin: 'edu645001',
      name: 'ППО № 1 г. Энгельса',
      regionCode: '64',
    },
    status: 'NOT_STARTED',
    version: 0,
    sheets: {
      kits: [{ kit: '501501' }, { kit: '501502' }, { kit: '501503' }],
    },
    problems: [],
    editable: true,
    window: formWindow(),
    submissions: 0,
    ...overrides,
  };
  return {
    rowCounts: Object.fromEntries(
      Object.entries(response.sheets).map(([key, rows]) => [key, rows.length]),
    ),
    rowsComplete: true,
    ...response,
  };
};

export const formSummary = (overrides: Partial<FormSummary> = {}): FormSummary => ({
  id: 31,
  campaignId: 7,
  code: 'protocol2-math',
  title: 'Электронный протокол 2 (математика)',
  stage: 'CONDUCT',
  respondent: 'ORGANIZATION',
  version: 2,
  window: formWindow(),
  myStatus: 'NOT_STARTED',
  ...overrides,
});

export const monitoringItem = (
  overrides: Partial<FormMonitoringItem> = {},
): FormMonitoringItem => ({
  respondent: {
    kind: 'ORGANIZATION',
    organizationId: 5001,
    organizationLogin: 'edu645001',
    name: 'ППО № 1 г. Энгельса',
    regionCode: '64',
  },
  municipalityName: 'Энгельсский муниципальный район',
  status: 'SUBMITTED',
  updatedAt: '2026-03-12T11:00:00Z',
  submittedAt: '2026-03-12T11:05:00Z',
  submissions: 1,
  ...overrides,
});

export const monitoringPage = (
  items: FormMonitoringItem[],
  totals: Partial<Pick<FormMonitoringPage, 'notStarted' | 'draft' | 'submitted' | 'total'>> = {},
): FormMonitoringPage => ({
  notStarted: 0,
  draft: 0,
  submitted: items.length,
  items,
  page: 0,
  size: 50,
  total: items.length,
  ...totals,
});
