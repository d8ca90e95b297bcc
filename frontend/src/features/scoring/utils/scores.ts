import type { CriterionScore, ProblemError, ScanCriterion } from '@/types/api';

/** What the expert typed per criterion code. */
export type ScoreValues = Record<string, string>;

/** Why a typed score cannot be sent, or undefined when it is a whole number from 0 to the max. */
export function scoreProblem(value: string, maxScore: number): string | undefined {
  const text = value.trim();
  if (text === '') return `Поставьте балл от 0 до ${maxScore}.`;
  if (!/^\d+$/.test(text)) return `Балл — целое число от 0 до ${maxScore}.`;
  const score = Number(text);
  if (score > maxScore) return `Не больше ${maxScore}: это максимальный балл критерия.`;
  return undefined;
}

/** Every criterion's problem, by code; empty when the form can be sent. */
export function scoreProblems(criteria: ScanCriterion[], values: ScoreValues) {
  const problems: Record<string, string> = {};
  for (const criterion of criteria) {
    const problem = scoreProblem(values[criterion.code] ?? '', criterion.maxScore);
    if (problem) problems[criterion.code] = problem;
  }
  return problems;
}

/** The PUT body's scores: every criterion once, in the scheme's order. */
export const toScores = (criteria: ScanCriterion[], values: ScoreValues): CriterionScore[] =>
  criteria.map((criterion) => ({
    code: criterion.code,
    score: Number((values[criterion.code] ?? '').trim()),
  }));

/** The form's starting values: the expert's earlier scores, else empty. */
export function initialValues(criteria: ScanCriterion[], scores: CriterionScore[]): ScoreValues {
  const values: ScoreValues = {};
  for (const criterion of criteria) {
    const earlier = scores.find((score) => score.code === criterion.code);
    values[criterion.code] = earlier ? String(earlier.score) : '';
  }
  return values;
}

/**
 * Sorts a 422's errors by criterion: a field `scores[2]…` names the third criterion sent, a
 * field or value equal to a code names that one; the rest are about the form as a whole.
 */
export function serverProblemsByCode(criteria: ScanCriterion[], errors: ProblemError[]) {
  const byCode: Record<string, string[]> = {};
  const general: string[] = [];
  for (const error of errors) {
    const code = codeOf(criteria, error);
    if (code === undefined) general.push(error.message);
    else (byCode[code] ??= []).push(error.message);
  }
  return { byCode, general };
}

function codeOf(criteria: ScanCriterion[], error: ProblemError): string | undefined {
  const field = error.field ?? '';
  const indexed = /^scores\[(\d+)\]/.exec(field);
  if (indexed) return criteria[Number(indexed[1])]?.code;
  const named = criteria.find(
    (criterion) =>
      field === criterion.code ||
      field === `scores.${criterion.code}` ||
      field.endsWith(`[${criterion.code}]`) ||
      (field.startsWith('scores') && error.value === criterion.code),
  );
  return named?.code;
}
