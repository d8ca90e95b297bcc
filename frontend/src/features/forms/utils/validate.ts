import {
  gridColumns,
  isBlankRow,
  isFreeSheet,
  isLocked,
  isTaskColumn,
  parseNumber,
} from './columns';
import type { FormColumn, FormRow, FormSheet } from '@/types/api';

/** A cell's address within a sheet: its row (from 1, data rows only) and column key. */
export const cellKey = (row: number, column: string) => `${row}:${column}`;

const ORG_LOGIN = /^[a-z]{2,4}[0-9]{4,8}$/;
const DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

const formatBound = (value: number) => String(value).replace('.', ',');

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function matchesPattern(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(text);
  } catch {
    return true; // a pattern the browser cannot read is left to the server
  }
}

/**
 * What is wrong with one value by its column alone (required, type, bounds, options, length,
 * pattern), in words for the user; undefined when it is fine. Pre-filled and computed columns
 * are the system's and never checked here.
 */
export function checkValue(column: FormColumn, raw: string | undefined): string | undefined {
  if (isLocked(column)) return undefined;
  const text = (raw ?? '').trim();
  if (!text) return column.required ? 'Заполните это поле: оно обязательное' : undefined;

  switch (column.type) {
    case 'INTEGER':
    case 'DECIMAL': {
      const value = parseNumber(text);
      if (value === undefined) {
        return column.type === 'INTEGER'
          ? 'Введите целое число'
          : 'Введите число (дробную часть — через запятую)';
      }
      if (column.type === 'INTEGER' && !Number.isInteger(value)) return 'Введите целое число';
      if (column.min !== undefined && value < column.min) {
        return `Не меньше ${formatBound(column.min)}`;
      }
      if (column.max !== undefined && value > column.max) {
        return isTaskColumn(column)
          ? `Не больше ${formatBound(column.max)} — максимальный балл за задание`
          : `Не больше ${formatBound(column.max)}`;
      }
      break;
    }
    case 'ENUM':
      if (column.options && !column.options.includes(text)) {
        return `Выберите одно из значений: ${column.options.join(', ')}`;
      }
      break;
    case 'DATE':
      if (!isRealDate(text)) return 'Введите дату в виде ДД.ММ.ГГГГ, например 15.04.2026';
      break;
    case 'ORG_LOGIN':
      if (!ORG_LOGIN.test(text)) {
        return 'Логин организации — 2–4 латинские буквы и 4–8 цифр, например edu640001';
      }
      break;
    case 'PARTICIPANT_CODE':
      if (!/^\d+$/.test(text)) return 'Код участника — только цифры, без имён и букв';
      break;
    default:
      break;
  }
  if (column.maxLength !== undefined && text.length > column.maxLength) {
    return `Не длиннее ${column.maxLength} символов (сейчас ${text.length})`;
  }
  if (column.pattern && !matchesPattern(column.pattern, text)) {
    return column.patternHint
      ? `Неверный формат: нужно ${column.patternHint}`
      : 'Неверный формат значения';
  }
  return undefined;
}

/**
 * Every problem the browser can see in a sheet before the server does, by cell: each value by its
 * column, repeats in unique columns, and the row rules («логин обязателен, если комментарий —
 * «использован»»). Blank rows of a free sheet are ignored, as the server ignores them.
 */
export function validateSheet(sheet: FormSheet, rows: FormRow[]): Map<string, string> {
  const columns = gridColumns(sheet);
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const problems = new Map<string, string>();
  const add = (row: number, column: string, message: string) => {
    const key = cellKey(row, column);
    if (!problems.has(key)) problems.set(key, message);
  };
  const free = isFreeSheet(sheet);
  const firstSeen = new Map<string, Map<string, number>>();

  rows.forEach((row, index) => {
    const number = index + 1;
    if (free && isBlankRow(columns, row)) return;
    for (const column of columns) {
      const message = checkValue(column, row[column.key]);
      if (message) add(number, column.key, message);
      const text = (row[column.key] ?? '').trim();
      if (column.unique && text && !isLocked(column)) {
        const seen = firstSeen.get(column.key) ?? new Map<string, number>();
        firstSeen.set(column.key, seen);
        const earlier = seen.get(text);
        if (earlier === undefined) seen.set(text, number);
        else add(number, column.key, `Повтор: такое же значение уже есть в строке ${earlier}`);
      }
    }
    for (const rule of sheet.rules ?? []) {
      const when = (row[rule.when] ?? '').trim();
      if (!rule.equals.includes(when)) continue;
      const whenTitle = byKey.get(rule.when)?.title ?? rule.when;
      for (const key of rule.require ?? []) {
        if (!(row[key] ?? '').trim()) {
          add(number, key, rule.message ?? `Заполните, если «${whenTitle}» — «${when}»`);
        }
      }
      for (const key of rule.forbid ?? []) {
        if ((row[key] ?? '').trim()) {
          add(number, key, rule.message ?? `Оставьте пустым, если «${whenTitle}» — «${when}»`);
        }
      }
    }
  });
  return problems;
}
