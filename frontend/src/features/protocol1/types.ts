import type { ParticipantCategory } from '@/types/api';

/** What protocol 1 says of a kit (figures 4–5 of the seed). */
export const KIT_COMMENTS = ['использован', 'испорчен', 'не использован'] as const;
export type KitComment = (typeof KIT_COMMENTS)[number];
export const USED: KitComment = 'использован';

export const categoryLabels: Record<ParticipantCategory, string> = {
  TEACHER: 'Учителя',
  METHODIST: 'Методисты',
};
