import { describe, expect, it } from 'vitest';

import { checkValue, validateSheet } from './validate';
import type { FormColumn, FormSheet } from '@/types/api';

const col = (column: Partial<FormColumn> & Pick<FormColumn, 'key' | 'title' | 'type'>) =>
  ({ required: false, readOnly: false, unique: false, ...column }) satisfies FormColumn;

describe('checkValue', () => {
  it.each([
    [col({ key: 'n', title: 'N', type: 'INTEGER' }), '1,5', 'Введите целое число'],
    [col({ key: 'd', title: 'D', type: 'DECIMAL', max: 10 }), '10,5', 'Не больше 10'],
    [col({ key: 'd', title: 'D', type: 'DECIMAL', min: 0 }), '-1', 'Не меньше 0'],
    [
      col({ key: 'day', title: 'Д', type: 'DATE' }),
      '2026-03-12',
      'Введите дату в виде ДД.ММ.ГГГГ, например 15.04.2026',
    ],
    [
      col({ key: 'o', title: 'О', type: 'ORG_LOGIN' }),
      'EDU1',
      'Логин организации — 2–4 латинские буквы и 4–8 цифр, например edu640001',
    ],
    [
      col({ key: 'c', title: 'К', type: 'PARTICIPANT_CODE' }),
      'Иванов',
      'Код участника — только цифры, без имён и букв',
    ],
    [
      col({ key: 't', title: 'Т', type: 'TEXT', maxLength: 3 }),
      'abcd',
      'Не длиннее 3 символов (сейчас 4)',
    ],
    [
      col({ key: 'p', title: 'П', type: 'TEXT', pattern: '[0-9]{6}', patternHint: '6 цифр' }),
      '12345',
      'Неверный формат: нужно 6 цифр',
    ],
    [
      col({ key: 'e', title: 'Е', type: 'ENUM', options: ['да', 'нет'] }),
      'может',
      'Выберите одно из значений: да, нет',
    ],
    [
      col({ key: 'r', title: 'Р', type: 'TEXT', required: true }),
      '  ',
      'Заполните это поле: оно обязательное',
    ],
  ])('%#: refuses %s', (column, value, message) => {
    expect(checkValue(column, value)).toBe(message);
  });

  it('accepts good values and leaves locked columns alone', () => {
    expect(
      checkValue(col({ key: 'd', title: 'D', type: 'DECIMAL', max: 10 }), '9,5'),
    ).toBeUndefined();
    expect(checkValue(col({ key: 'day', title: 'Д', type: 'DATE' }), '29.02.2028')).toBeUndefined();
    expect(checkValue(col({ key: 'day', title: 'Д', type: 'DATE' }), '29.02.2027')).toBeDefined();
    expect(
      checkValue(col({ key: 'k', title: 'K', type: 'INTEGER', readOnly: true }), 'x'),
    ).toBeUndefined();
  });
});

describe('validateSheet', () => {
  const sheet: FormSheet = {
    key: 'kits',
    title: 'Протокол 2',
    layout: 'TABLE',
    prefill: 'NONE',
    maxRows: 10,
    columns: [
      col({ key: 'kit', title: 'Комплект', type: 'TEXT', unique: true }),
      col({ key: 'comment', title: 'Комментарий', type: 'TEXT' }),
      col({ key: 'login', title: 'Логин', type: 'ORG_LOGIN' }),
    ],
    rules: [
      { when: 'comment', equals: ['использован'], require: ['login'] },
      { when: 'comment', equals: ['испорчен'], forbid: ['login'] },
    ],
  };

  it('applies the row rules, the unique column, and skips blank rows', () => {
    const problems = validateSheet(sheet, [
      { kit: '1', comment: 'использован' },
      { kit: '1', comment: 'испорчен', login: 'edu777777' },
      {},
    ]);
    expect(Object.fromEntries(problems)).toEqual({
      '1:login': 'Заполните, если «Комментарий» — «использован»',
      '2:kit': 'Повтор: такое же значение уже есть в строке 1',
      '2:login': 'Оставьте пустым, если «Комментарий» — «испорчен»',
    });
  });
});
