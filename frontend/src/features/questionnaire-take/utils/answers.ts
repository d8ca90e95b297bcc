import type { Answer } from '../types';
import type { Question } from '@/types/api';

/** An answer that says nothing: no value, blank text, no choice ticked, no matrix row answered. */
export function isBlank(answer: Answer | null | undefined): boolean {
  if (answer === undefined || answer === null) return true;
  if (typeof answer === 'string') return answer.trim() === '';
  if (Array.isArray(answer)) return answer.length === 0;
  if (typeof answer === 'object') return Object.keys(answer).length === 0;
  return false;
}

export const sameAnswer = (a: Answer | null | undefined, b: Answer | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The maximum length of a text answer. */
export const textLimit = (question: Question) =>
  question.type === 'SHORT_TEXT' ? 200 : Math.min(question.maxLength ?? 5000, 5000);

/**
 * What is wrong with an answer, in words for the participant, or undefined. `required` is
 * checked only when `checkRequired` (on «Далее» and before submitting).
 */
export function answerProblem(
  question: Question,
  answer: Answer | undefined,
  checkRequired: boolean,
): string | undefined {
  if (isBlank(answer)) {
    if (!checkRequired || !question.required) return undefined;
    return question.type === 'MULTIPLE_CHOICE'
      ? 'Выберите хотя бы один вариант.'
      : question.type === 'MATRIX'
        ? 'Ответьте в каждой строке.'
        : question.type === 'SHORT_TEXT' ||
            question.type === 'LONG_TEXT' ||
            question.type === 'NUMBER'
          ? 'Заполните ответ — это обязательный вопрос.'
          : 'Выберите ответ — это обязательный вопрос.';
  }
  switch (question.type) {
    case 'MATRIX': {
      const rows = question.rows ?? [];
      const value = answer as Record<string, string>;
      if (checkRequired && question.required && rows.some((row) => !value[row.value])) {
        return 'Ответьте в каждой строке.';
      }
      return undefined;
    }
    case 'MULTIPLE_CHOICE': {
      const count = (answer as string[]).length;
      if (question.maxChoices && count > question.maxChoices) {
        return `Выберите не больше ${question.maxChoices}.`;
      }
      return undefined;
    }
    case 'NUMBER': {
      const value = answer as number;
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Введите число.';
      if (question.integer && !Number.isInteger(value)) return 'Введите целое число.';
      if (question.min !== undefined && value < question.min) {
        return `Число должно быть не меньше ${question.min}.`;
      }
      if (question.max !== undefined && value > question.max) {
        return `Число должно быть не больше ${question.max}.`;
      }
      return undefined;
    }
    case 'SHORT_TEXT':
    case 'LONG_TEXT': {
      const limit = textLimit(question);
      if (typeof answer === 'string' && answer.length > limit) return `Не больше ${limit} знаков.`;
      return undefined;
    }
    default:
      return undefined;
  }
}
