import { parseCategory } from './category';
import type { ParticipantCategory } from '@/types/api';

/**
 * One row of the assignment form, as typed: a point's login, the first and last kit numbers and,
 * when the row says so, its participant category ('' — the one chosen for the whole form).
 * `categoryText` keeps a pasted category that was not understood, so the user sees and fixes it.
 */
export type RangeRow = {
  organization: string;
  first: string;
  last: string;
  category: ParticipantCategory | '';
  categoryText?: string;
};

export const emptyRow = (): RangeRow => ({ organization: '', first: '', last: '', category: '' });

/**
 * Rows from pasted lines «edu645001 501501 501530» (separated by tabs, spaces, «;» or «,», as
 * copied from a spreadsheet), with an optional fourth column, the category («Учителя» or
 * «Методисты»); blank lines are skipped, and a line with fewer than three parts keeps what it has
 * so the user sees and fixes it.
 */
export function parseRangeLines(text: string): RangeRow[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [organization = '', first = '', last = '', categoryText = ''] = line.split(/[\s;,]+/);
      const category = parseCategory(categoryText);
      return {
        organization: organization.toLowerCase(),
        first,
        last,
        category: category ?? '',
        ...(categoryText && !category ? { categoryText } : {}),
      };
    });
}

/** A row is empty when nothing was typed into it; such rows are not sent. */
export const isBlankRow = (row: RangeRow) =>
  !row.organization.trim() && !row.first.trim() && !row.last.trim();

/** «501501–501530», or one number when the range holds a single kit. */
export const formatRange = (first: number, last: number) =>
  first === last ? String(first) : `${first}–${last}`;
