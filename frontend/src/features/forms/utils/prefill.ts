import type { FormPrefillOrganization, FormSheet } from '@/types/api';

import { parseTsv } from './tsv';

/**
 * Rows pasted from Excel for a STORED sheet — the organization's login in the first column, then
 * the sheet's columns in order — as each organization's rows (in the order pasted). Blank lines
 * and empty cells are left out; a first line whose first cell is no login is taken as titles.
 */
export function prefillFromPaste(
  text: string,
  sheet: FormSheet,
): { organizations: FormPrefillOrganization[]; rows: number } {
  const byLogin = new Map<string, Record<string, string>[]>();
  let rows = 0;
  parseTsv(text).forEach((cells, index) => {
    const login = (cells[0] ?? '').trim().toLowerCase();
    if (login === '' || (index === 0 && !/^[a-z]{2,4}[0-9]{4,8}$/.test(login))) return;
    const row: Record<string, string> = {};
    sheet.columns.forEach((column, i) => {
      const value = (cells[i + 1] ?? '').trim();
      if (value !== '') row[column.key] = value;
    });
    if (Object.keys(row).length === 0) return;
    byLogin.set(login, [...(byLogin.get(login) ?? []), row]);
    rows += 1;
  });
  return {
    organizations: [...byLogin.entries()].map(([organization, list]) => ({
      organization,
      rows: list,
    })),
    rows,
  };
}
