import { campaign } from './data';
import type {
  Questionnaire,
  QuestionnaireContent,
  QuestionnaireMonitoring,
  QuestionnaireMonitoringRow,
} from '@/types/api';

export const omkCampaign = campaign({
  kind: 'OMK',
  title: 'ОМК 2026',
  subjects: [
    { key: 'lit', name: 'Литература' },
    { key: 'hist', name: 'История' },
  ],
  regionCodes: ['16', '64'],
  timeZone: 'Europe/Saratov',
});

export const monitoringRow = (
  overrides: Partial<QuestionnaireMonitoringRow> = {},
): QuestionnaireMonitoringRow => ({
  key: '64',
  name: 'Саратовская область',
  regionCode: '64',
  kits: 60,
  used: 50,
  started: 30,
  submitted: 20,
  ...overrides,
});

export const questionnaireMonitoring = (
  overrides: Partial<QuestionnaireMonitoring> = {},
): QuestionnaireMonitoring => ({
  level: 'REGION',
  totals: monitoringRow({
    key: '',
    name: 'Итого',
    kits: 120,
    used: 100,
    started: 60,
    submitted: 45,
  }),
  items: [
    monitoringRow(),
    monitoringRow({
      key: '16',
      name: 'Республика Татарстан',
      regionCode: '16',
      kits: 60,
      used: 0,
      started: 0,
      submitted: 0,
    }),
  ],
  page: 0,
  size: 50,
  total: 2,
  generatedAt: '2026-11-23T09:45:12Z',
  ...overrides,
});

export const questionnaireContent = (): QuestionnaireContent => ({
  intro: 'Ответьте, пожалуйста, на несколько вопросов.',
  sections: [
    {
      key: 'about',
      title: 'О себе',
      questions: [
        {
          key: 'experience',
          text: 'Ваш стаж',
          type: 'SINGLE_CHOICE',
          required: true,
          options: [
            { value: 'lt5', label: 'до 5 лет' },
            { value: 'from5', label: 'от 5 до 10 лет' },
            { value: 'gt10', label: 'более 10 лет' },
          ],
        },
        {
          key: 'mentor',
          text: 'Кто ваш наставник?',
          type: 'SHORT_TEXT',
          required: false,
          showIf: { question: 'experience', anyOf: ['lt5', 'from5'] },
        },
        {
          key: 'topics',
          text: 'Какие темы вам интересны?',
          type: 'MULTIPLE_CHOICE',
          required: false,
          maxChoices: 2,
          options: [
            { value: 'poetry', label: 'Поэзия' },
            { value: 'prose', label: 'Проза' },
            { value: 'drama', label: 'Драма' },
          ],
        },
      ],
    },
    {
      key: 'work',
      title: 'Работа',
      showIf: { question: 'topics', anyOf: ['poetry'] },
      questions: [
        {
          key: 'comfort',
          text: 'Удобно ли было выполнять работу?',
          type: 'SCALE',
          required: true,
          min: 1,
          max: 5,
          minLabel: 'совсем нет',
          maxLabel: 'полностью',
        },
        {
          key: 'grid',
          text: 'Оцените задания',
          type: 'MATRIX',
          required: false,
          rows: [
            { value: 't1', label: 'Задание 1' },
            { value: 't2', label: 'Задание 2' },
          ],
          options: [
            { value: 'easy', label: 'Легко' },
            { value: 'hard', label: 'Трудно' },
          ],
        },
        {
          key: 'hours',
          text: 'Сколько часов в неделю вы ведёте?',
          type: 'NUMBER',
          required: false,
          min: 0,
          max: 40,
          integer: true,
        },
        {
          key: 'wish',
          text: 'Ваши пожелания',
          type: 'LONG_TEXT',
          required: false,
          maxLength: 3000,
          showIf: { question: 'comfort', anyOf: ['1', '2'] },
        },
      ],
    },
  ],
});

export const questionnaire = (overrides: Partial<Questionnaire> = {}): Questionnaire => ({
  id: 41,
  campaignId: 7,
  category: 'TEACHER',
  title: 'Анкета учителя',
  version: 3,
  latestVersion: 3,
  content: questionnaireContent(),
  updatedAt: '2026-11-20T10:30:00Z',
  updatedBy: 'Методист Ф. И.',
  ...overrides,
});

export const unprocessable = (detail: string, errors: { field?: string; message: string }[]) =>
  new Response(
    JSON.stringify({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      detail,
      errors,
    }),
    { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
  );
