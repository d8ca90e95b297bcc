import { describe, expect, it } from 'vitest';

import { fieldErrorWords, fieldWords, messageWords } from './field-words';

describe('server field errors in words (issue 21)', () => {
  it('names a nested field as the form does, counting from one', () => {
    expect(fieldWords('subjects[1].key')).toBe('Предмет 2, код');
    expect(fieldWords('stages[0].closesAt')).toBe('Этап 1, окончание');
    expect(fieldWords('academicYear')).toBe('Учебный год');
  });

  it('never shows a regular expression', () => {
    const shown = fieldErrorWords(
      'subjects[1].key',
      'должно соответствовать "^[a-z]{2,12}(-[0-9]{1,2})?$"',
    );
    expect(shown).toBe('Предмет 2, код: неверный формат');
    expect(shown).not.toMatch(/\^|\[a-z]|subjects/);
  });

  it('keeps a message that is already words', () => {
    expect(messageWords('не должно быть пустым')).toBe('не должно быть пустым');
  });
});
