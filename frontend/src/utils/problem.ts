import { ApiError } from '@/lib/api-client';
import type { ProblemError } from '@/types/api';

import { messageWords } from './field-words';

/** The individual errors of a failed call's problem document (`errors[]`), or none. */
export function problemErrors(error: unknown): ProblemError[] {
  if (!(error instanceof ApiError)) return [];
  const problem = error.problem;
  if (typeof problem !== 'object' || problem === null) return [];
  const errors = (problem as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (item): item is ProblemError =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as ProblemError).message === 'string',
  );
}

/** The messages of the errors whose `field` is `field` or lies under it (`stages[1]` → `stages[1].closesAt`). */
export function fieldMessages(errors: ProblemError[], field: string): string[] {
  return errors
    .filter(
      (error) =>
        error.field === field ||
        error.field?.startsWith(`${field}.`) ||
        error.field?.startsWith(`${field}[`),
    )
    .map((error) => messageWords(error.message));
}

export const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : undefined);
