// Friendly names for the generated schema types this feature uses (shapes come from openapi.yaml).
import type { components } from '@/types/api.gen';

type Schemas = components['schemas'];

export type QuestionnaireSession = Schemas['QuestionnaireSession'];
export type QuestionnaireContent = Schemas['QuestionnaireContent'];
export type QuestionnaireSection = Schemas['QuestionnaireSection'];
export type Question = Schemas['Question'];
export type QuestionOption = Schemas['QuestionOption'];
export type ShowIf = Schemas['ShowIf'];
export type QuestionnaireSaved = Schemas['QuestionnaireSaved'];

/** One answer as the API takes it: see `QuestionType`. */
export type Answer = string | number | string[] | Record<string, string>;

/** Question key → answer; a missing key is an unanswered question. */
export type Answers = Record<string, Answer>;

/** Question key → answer to send; null clears an answer on the server. */
export type AnswersPatch = Record<string, Answer | null>;
