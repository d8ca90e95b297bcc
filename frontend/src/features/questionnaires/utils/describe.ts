import { formatNumber } from '@/utils/format';
import type { Question, QuestionnaireContent, ShowIf } from '@/types/api';

/** Every question of a definition by its key, to name the question skip logic refers to. */
export function questionsByKey(content: QuestionnaireContent): Map<string, Question> {
  const byKey = new Map<string, Question>();
  for (const section of content.sections ?? []) {
    for (const question of section.questions ?? []) byKey.set(question.key, question);
  }
  return byKey;
}

const quoted = (text: string) => `«${text}»`;

/**
 * Skip logic in words: «Показывается, если на вопрос «Ваш стаж» ответ «до 5 лет» или «5–10
 * лет»». A value is named by its option's label; a scale's values are numbers as they are.
 */
export function describeShowIf(showIf: ShowIf, byKey: Map<string, Question>): string {
  const source = byKey.get(showIf.question);
  const labelOf = (value: string) =>
    source?.options?.find((option) => option.value === value)?.label ?? value;
  const values = showIf.anyOf.map((value) => quoted(labelOf(value))).join(' или ');
  const question = source
    ? quoted(source.text)
    : `${quoted(showIf.question)} (такого вопроса в анкете нет)`;
  const verb = source?.type === 'MULTIPLE_CHOICE' ? 'среди ответов есть' : 'ответ';
  return `Показывается, если на вопрос ${question} ${verb} ${values || '— (значения не заданы)'}`;
}

const bound = (value: number) => formatNumber(value);

/** What kind of answer a question takes, in words, beyond its type and options. */
export function describeAnswer(question: Question): string[] {
  const lines: string[] = [];
  switch (question.type) {
    case 'MULTIPLE_CHOICE':
      if (question.maxChoices) lines.push(`Можно выбрать не более ${bound(question.maxChoices)}`);
      break;
    case 'SCALE': {
      const from = question.min ?? 1;
      const to = question.max ?? 5;
      const fromLabel = question.minLabel ? ` (${quoted(question.minLabel)})` : '';
      const toLabel = question.maxLabel ? ` (${quoted(question.maxLabel)})` : '';
      lines.push(`Оценка от ${bound(from)}${fromLabel} до ${bound(to)}${toLabel}`);
      break;
    }
    case 'NUMBER': {
      const parts: string[] = [];
      if (question.min !== undefined && question.max !== undefined) {
        parts.push(`от ${bound(question.min)} до ${bound(question.max)}`);
      } else if (question.min !== undefined) {
        parts.push(`не меньше ${bound(question.min)}`);
      } else if (question.max !== undefined) {
        parts.push(`не больше ${bound(question.max)}`);
      }
      if (question.integer) parts.push('только целое');
      const text = parts.join(', ');
      lines.push(text ? `Число ${text}` : 'Любое число');
      break;
    }
    case 'SHORT_TEXT':
      lines.push(`Ответ до ${bound(200)} символов`);
      break;
    case 'LONG_TEXT':
      lines.push(`Ответ до ${bound(question.maxLength ?? 5000)} символов`);
      break;
    default:
      break;
  }
  return lines;
}
