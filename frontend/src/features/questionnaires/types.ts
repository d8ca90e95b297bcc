import type { QuestionnaireMonitoring } from '@/types/api';

export type MonitoringLevel = QuestionnaireMonitoring['level'];
