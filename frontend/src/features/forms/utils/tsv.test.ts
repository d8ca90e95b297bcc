import { describe, expect, it } from 'vitest';

import { isBlock, parseTsv } from './tsv';

describe('parseTsv', () => {
  it('splits Excel’s lines and tabs and drops the final line break', () => {
    expect(parseTsv('501501\tиспользован\tedu777777\r\n501502\tиспорчен\t\r\n')).toEqual([
      ['501501', 'использован', 'edu777777'],
      ['501502', 'испорчен', ''],
    ]);
  });

  it('reads quoted cells with line breaks and doubled quotes', () => {
    expect(parseTsv('"две\nстроки"\t"ООО ""Школа"""\n1\t2')).toEqual([
      ['две\nстроки', 'ООО "Школа"'],
      ['1', '2'],
    ]);
  });

  it('tells a block from a single value', () => {
    expect(isBlock('edu777777')).toBe(false);
    expect(isBlock('edu777777\r\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
    expect(isBlock('1\n2')).toBe(true);
  });
});
