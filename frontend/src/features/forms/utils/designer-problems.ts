import type { FormDefinitionInput, ProblemError } from '@/types/api';
import { messageWords } from '@/utils/field-words';

/** The names the designer shows for the definition's own fields. */
const FIELDS: Record<string, string> = {
  code: 'Код формы',
  title: 'Название формы',
  instruction: 'Инструкция',
  stage: 'Этап',
  respondent: 'Кто заполняет',
  subjectKey: 'Предмет',
  organizationKinds: 'Виды организаций',
  version: 'Версия',
};

const COLUMN_FIELDS: Record<string, string> = {
  key: 'код',
  title: 'заголовок',
  type: 'тип',
  options: 'варианты',
  pattern: 'образец',
  min: 'нижняя граница',
  max: 'верхняя граница',
  sumOf: 'что суммировать',
  maxLength: 'длина',
};

export type DesignerProblems = {
  /** Every problem, in words, where it lies named: «Лист «Кадры», столбец «Стаж»: …». */
  general: string[];
  /** The problems of one column (sheet key, column index), shown under it too. */
  columns: (sheet: string, column: number) => string[];
};

/**
 * The server's refusal of a draft, each problem placed: a field path («sheets[0].columns[2].
 * options», «sheets.staff.prefill») becomes the sheet's and column's titles, never a path.
 */
export function designerProblems(
  errors: ProblemError[],
  draft: FormDefinitionInput,
  fallback?: string,
): DesignerProblems {
  const byColumn = new Map<string, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const message = messageWords(error.message);
    const place = placeOf(error.field ?? '', draft);
    general.push(place.words ? `${place.words}: ${message}` : message);
    if (place.sheet !== undefined && place.column !== undefined) {
      const key = `${place.sheet}:${place.column}`;
      byColumn.set(key, [...(byColumn.get(key) ?? []), message]);
    }
  }
  if (general.length === 0 && fallback) general.push(fallback);
  return { general, columns: (sheet, column) => byColumn.get(`${sheet}:${column}`) ?? [] };
}

type Place = { words?: string; sheet?: string; column?: number };

function placeOf(field: string, draft: FormDefinitionInput): Place {
  if (field === '') return {};
  if (FIELDS[field]) return { words: FIELDS[field] };
  // sheets[0]…, or sheets.<key>…
  const match =
    /^sheets(?:\[(\d+)\]|\.([A-Za-z0-9_]+))(?:\.columns\[(\d+)\](?:\.([A-Za-z]+))?)?/.exec(field);
  if (!match) return field.startsWith('sheets') ? { words: 'Листы' } : {};
  const sheet =
    match[1] !== undefined
      ? draft.sheets[Number(match[1])]
      : draft.sheets.find((candidate) => candidate.key === match[2]);
  if (!sheet) return { words: 'Листы' };
  const sheetWords = `Лист «${sheet.title}»`;
  if (match[3] === undefined) return { words: sheetWords, sheet: sheet.key };
  const index = Number(match[3]);
  const column = sheet.columns[index];
  const columnWords = `столбец «${column?.title || index + 1}»`;
  const part = match[4] ? COLUMN_FIELDS[match[4]] : undefined;
  return {
    words: `${sheetWords}, ${columnWords}${part ? `, ${part}` : ''}`,
    sheet: sheet.key,
    column: index,
  };
}
