import type { ParticipantCategory } from '@/types/api';

/** The participant categories in the order the select offers them; teachers are the default. */
export const participantCategories: readonly ParticipantCategory[] = ['TEACHER', 'METHODIST'];

export const categoryLabels: Record<ParticipantCategory, string> = {
  TEACHER: 'Учителя',
  METHODIST: 'Методисты',
};

/**
 * The category a pasted cell names: «Учителя», «учитель», «У», «TEACHER» → TEACHER; «Методисты»,
 * «методист», «М», «METHODIST» → METHODIST; anything else → undefined.
 */
export function parseCategory(text: string): ParticipantCategory | undefined {
  const word = text.trim().toLowerCase();
  if (!word) return undefined;
  if (/^(у|u|учител[ьяи]?|учителей|teachers?)$/.test(word)) return 'TEACHER';
  if (/^(м|m|методист[ыа]?|методистов|methodists?)$/.test(word)) return 'METHODIST';
  return undefined;
}
