import type { QuestionnaireContent, QuestionnaireSession } from '@/types/api';

export const PARTICIPANT_LOGIN = 'ulit64501501';
export const SESSION_ID = '7d1f0c2e-4b7a-4c39-9d8e-2f1f3c1a9b01';

/** A teachers' questionnaire with every question type and skip logic on questions and a section. */
export const questionnaireContent = (): QuestionnaireContent => ({
  intro: 'Анкета займёт 5 минут. Отвечайте честно — ответы анонимны.',
  sections: [
    {
      key: 'about',
      title: 'О вас',
      questions: [
        {
          key: 'experience',
          text: 'Ваш педагогический стаж',
          type: 'SINGLE_CHOICE',
          required: true,
          options: [
            { value: 'lt5', label: 'Меньше 5 лет' },
            { value: 'from5', label: 'От 5 до 15 лет' },
            { value: 'gt15', label: 'Больше 15 лет' },
          ],
        },
        {
          key: 'mentor',
          text: 'Есть ли у вас наставник?',
          type: 'SINGLE_CHOICE',
          required: false,
          showIf: { question: 'experience', anyOf: ['lt5'] },
          options: [
            { value: 'yes', label: 'Да' },
            { value: 'no', label: 'Нет' },
          ],
        },
        {
          key: 'mentor_help',
          text: 'Чем помогает наставник?',
          type: 'SHORT_TEXT',
          required: false,
          showIf: { question: 'mentor', anyOf: ['yes'] },
        },
        {
          key: 'age',
          text: 'Ваш возраст, полных лет',
          type: 'NUMBER',
          required: false,
          integer: true,
          min: 18,
          max: 80,
        },
      ],
    },
    {
      key: 'work',
      title: 'Работа',
      questions: [
        {
          key: 'subjects',
          text: 'Какие предметы вы ведёте?',
          type: 'MULTIPLE_CHOICE',
          required: true,
          maxChoices: 2,
          options: [
            { value: 'rus', label: 'Русский язык' },
            { value: 'lit', label: 'Литература' },
            { value: 'math', label: 'Математика' },
          ],
        },
        {
          key: 'load',
          text: 'Оцените свою нагрузку',
          type: 'SCALE',
          required: true,
          min: 1,
          max: 5,
          minLabel: 'Очень низкая',
          maxLabel: 'Очень высокая',
        },
        {
          key: 'tools',
          text: 'Как часто вы пользуетесь',
          type: 'MATRIX',
          required: false,
          rows: [
            { value: 'board', label: 'Интерактивной доской' },
            { value: 'journal', label: 'Электронным журналом' },
          ],
          options: [
            { value: 'never', label: 'Никогда' },
            { value: 'sometimes', label: 'Иногда' },
            { value: 'often', label: 'Часто' },
          ],
        },
      ],
    },
    {
      key: 'math',
      title: 'Математика',
      showIf: { question: 'subjects', anyOf: ['math'] },
      questions: [
        { key: 'math_hours', text: 'Часов математики в неделю', type: 'NUMBER', required: false },
      ],
    },
    {
      key: 'final',
      title: 'В завершение',
      questions: [
        { key: 'wish', text: 'Ваши пожелания', type: 'LONG_TEXT', required: false, maxLength: 300 },
      ],
    },
  ],
});

export const questionnaireSession = (
  overrides: Partial<QuestionnaireSession> = {},
): QuestionnaireSession => ({
  id: SESSION_ID,
  login: PARTICIPANT_LOGIN,
  status: 'STARTED',
  campaignTitle: 'ОМК учителей 2026',
  subjectName: 'Литература',
  category: 'TEACHER',
  title: 'Анкета учителя',
  definitionVersion: 1,
  content: questionnaireContent(),
  answers: {},
  revision: 0,
  startedAt: '2026-11-23T08:00:00Z',
  updatedAt: '2026-11-23T08:00:00Z',
  validUntil: '2026-12-10T12:00:00Z',
  timeZone: 'Europe/Saratov',
  ...overrides,
});

export const savedAnswers = (revision = 1) => ({
  revision,
  savedAt: '2026-11-23T08:05:00Z',
  answered: 1,
});
