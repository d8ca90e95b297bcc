import type { components } from '@/types/api.gen';

type Schemas = components['schemas'];

export type Questionnaire = Schemas['Questionnaire'];
export type QuestionnaireContent = Schemas['QuestionnaireContent'];
export type QuestionnaireSection = Schemas['QuestionnaireSection'];
export type QuestionnaireInput = Schemas['QuestionnaireInput'];
export type QuestionnaireUpdate = Schemas['QuestionnaireUpdate'];
export type Question = Schemas['Question'];
export type QuestionType = Schemas['QuestionType'];
export type QuestionOption = Schemas['QuestionOption'];
export type ShowIf = Schemas['ShowIf'];
export type ParticipantCategory = Schemas['ParticipantCategory'];
export type QuestionnaireMonitoring = Schemas['QuestionnaireMonitoring'];
export type QuestionnaireMonitoringRow = Schemas['QuestionnaireMonitoringRow'];
export type MonitoringLevel = QuestionnaireMonitoring['level'];
