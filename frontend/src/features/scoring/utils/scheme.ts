import type { ScanCriterion } from '@/types/api';

/** A criteria row as typed in the scheme editor (numbers still text). */
export type CriterionDraft = { code: string; title: string; maxScore: string; page: string };

export type SchemeDraft = {
  pages: string;
  secondScoringPercent: string;
  discrepancyThreshold: string;
  criteria: CriterionDraft[];
};

export const emptyCriterion = (page = '1'): CriterionDraft => ({
  code: '',
  title: '',
  maxScore: '',
  page,
});

export const toCriterionDraft = (criterion: ScanCriterion): CriterionDraft => ({
  code: criterion.code,
  title: criterion.title,
  maxScore: String(criterion.maxScore),
  page: String(criterion.page),
});

const wholeIn = (text: string, min: number, max: number) => {
  if (!/^\d+$/.test(text.trim())) return false;
  const value = Number(text.trim());
  return value >= min && value <= max;
};

/** The editor's problems keyed as the server names fields (`criteria[0].maxScore`, `pages`). */
export function schemeProblems(draft: SchemeDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!wholeIn(draft.pages, 1, 50)) problems.pages = 'Число страниц — от 1 до 50.';
  const pages = Number(draft.pages);
  if (!wholeIn(draft.secondScoringPercent, 0, 100)) {
    problems.secondScoringPercent = 'Доля второй проверки — от 0 до 100 %.';
  }
  if (!wholeIn(draft.discrepancyThreshold, 0, 100)) {
    problems.discrepancyThreshold = 'Порог расхождения — целое число баллов от 0 до 100.';
  }
  const codes = new Set<string>();
  draft.criteria.forEach((criterion, index) => {
    const at = `criteria[${index}]`;
    const code = criterion.code.trim();
    if (!/^[0-9A-Za-zА-Яа-я.]{1,10}$/.test(code)) {
      problems[`${at}.code`] = 'Код — до 10 букв, цифр или точек, например 3.1.';
    } else if (codes.has(code)) {
      problems[`${at}.code`] = `Код ${code} уже есть выше: коды не повторяются.`;
    }
    codes.add(code);
    if (criterion.title.trim() === '') problems[`${at}.title`] = 'Напишите, что оценивается.';
    if (!wholeIn(criterion.maxScore, 1, 100)) {
      problems[`${at}.maxScore`] = 'Максимальный балл — от 1 до 100.';
    }
    if (!wholeIn(criterion.page, 1, 50)) {
      problems[`${at}.page`] = 'Страница — от 1 до 50.';
    } else if (wholeIn(draft.pages, 1, 50) && Number(criterion.page) > pages) {
      problems[`${at}.page`] = `В работе ${pages} стр.: страницы ${criterion.page} нет.`;
    }
  });
  return problems;
}

export const toSchemeInput = (draft: SchemeDraft) => ({
  pages: Number(draft.pages),
  secondScoringPercent: Number(draft.secondScoringPercent),
  discrepancyThreshold: Number(draft.discrepancyThreshold),
  criteria: draft.criteria.map((criterion) => ({
    code: criterion.code.trim(),
    title: criterion.title.trim(),
    maxScore: Number(criterion.maxScore),
    page: Number(criterion.page),
  })),
});
