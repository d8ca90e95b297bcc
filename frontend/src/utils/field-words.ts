/**
 * Server field errors in words (issue 21): a bean-validation message names a field by its JSON
 * path («subjects[1].key») and a pattern by its regular expression; a user reads «предмет 2, код:
 * неверный формат». One place for every form, so no message shows a raw path or pattern.
 */

/** The Russian names of the contract's field names, as a form labels them. */
const FIELD_NAMES: Record<string, string> = {
  academicYear: 'учебный год',
  closesAt: 'окончание',
  code: 'код',
  email: 'электронная почта',
  grade: 'класс',
  key: 'код',
  kind: 'вид',
  login: 'логин',
  name: 'название',
  opensAt: 'начало',
  password: 'пароль',
  phone: 'телефон',
  reason: 'причина',
  regionCode: 'регион',
  regionCodes: 'регион',
  stages: 'этап',
  subjects: 'предмет',
  text: 'текст',
  title: 'название',
  version: 'версия',
};

/** «subjects[1].key» → «предмет 2, код»; a field the SPA has no name for stays a «поле». */
export function fieldWords(path: string): string {
  const parts = path.split('.').map((segment) => {
    const match = /^([A-Za-z_]+)(?:\[(\d+)\])?$/.exec(segment);
    if (!match) return 'поле';
    const [, name = '', index] = match;
    const word = FIELD_NAMES[name] ?? 'поле';
    return index === undefined ? word : `${word} ${Number(index) + 1}`;
  });
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A validation message without its regular expression or English: what is wrong, in words. */
export function messageWords(message: string): string {
  return message
    .replace(/(должно соответствовать|must match)\s*"[^"]*"/gi, 'неверный формат')
    .replace(/\s*"\^[^"]*\$?"/g, '')
    .trim();
}

/** One field error as a sentence: «Предмет 2, код: неверный формат». */
export const fieldErrorWords = (field: string | undefined, message: string) =>
  field ? `${fieldWords(field)}: ${messageWords(message)}` : messageWords(message);
