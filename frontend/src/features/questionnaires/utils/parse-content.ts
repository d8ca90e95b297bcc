import type { QuestionnaireContent } from '@/types/api';

export type ParsedContent =
  { ok: true; content: QuestionnaireContent } | { ok: false; message: string };

/**
 * The editor's text as a QuestionnaireContent, or what is wrong with it in words. Only the shape
 * the server cannot be sent without is checked here; the server checks the rest (`422`).
 */
export function parseContent(text: string): ParsedContent {
  if (text.trim() === '') return { ok: false, message: 'Текст анкеты пуст.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `Текст анкеты — не правильный JSON: ${detail}. Проверьте запятые, кавычки и скобки.`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: 'Анкета должна быть объектом в фигурных скобках: { "sections": [...] }.',
    };
  }
  const sections = (value as { sections?: unknown }).sections;
  if (!Array.isArray(sections)) {
    return { ok: false, message: 'В анкете нет списка разделов "sections": [ ... ].' };
  }
  return { ok: true, content: value as QuestionnaireContent };
}

/** A small questionnaire to start from: two questions and skip logic between them. */
export const TEMPLATE_CONTENT: QuestionnaireContent = {
  intro: 'Спасибо, что согласились ответить на вопросы. Это займёт около 10 минут.',
  sections: [
    {
      key: 'about',
      title: 'О себе',
      questions: [
        {
          key: 'experience',
          text: 'Ваш педагогический стаж',
          type: 'SINGLE_CHOICE',
          required: true,
          options: [
            { value: 'lt5', label: 'до 5 лет' },
            { value: 'from5to10', label: 'от 5 до 10 лет' },
            { value: 'gt10', label: 'более 10 лет' },
          ],
        },
        {
          key: 'mentor',
          text: 'Есть ли у вас наставник? Расскажите кратко.',
          type: 'SHORT_TEXT',
          required: false,
          showIf: { question: 'experience', anyOf: ['lt5'] },
        },
        {
          key: 'satisfaction',
          text: 'Насколько вам было удобно выполнять работу?',
          type: 'SCALE',
          required: true,
          min: 1,
          max: 5,
          minLabel: 'совсем неудобно',
          maxLabel: 'очень удобно',
        },
      ],
    },
  ],
};

export const contentText = (content: QuestionnaireContent) => JSON.stringify(content, null, 2);
