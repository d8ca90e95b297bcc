// Friendly names for the schemas protocol 1 reads; the shapes themselves come from openapi.yaml.
import type { components } from '@/types/api.gen';

type Schemas = components['schemas'];

export type KitCredentials = Schemas['KitCredentials'];
export type KitCredential = Schemas['KitCredential'];
export type ParticipantCategory = Schemas['ParticipantCategory'];
export type FormDefinition = Schemas['FormDefinition'];
export type FormSheet = Schemas['FormSheet'];
export type FormResponse = Schemas['FormResponse'];
export type FormSummary = Schemas['FormSummary'];

/** What protocol 1 says of a kit (figures 4–5 of the seed). */
export const KIT_COMMENTS = ['использован', 'испорчен', 'не использован'] as const;
export type KitComment = (typeof KIT_COMMENTS)[number];
export const USED: KitComment = 'использован';

export const categoryLabels: Record<ParticipantCategory, string> = {
  TEACHER: 'Учителя',
  METHODIST: 'Методисты',
};
