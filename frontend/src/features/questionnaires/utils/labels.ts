import type { MonitoringLevel } from '../types';
import type { ParticipantCategory, QuestionType } from '@/types/api';

export const CATEGORIES: readonly ParticipantCategory[] = ['TEACHER', 'METHODIST'];

export const categoryLabels: Record<ParticipantCategory, string> = {
  TEACHER: 'Учителя',
  METHODIST: 'Методисты',
};

export const isCategory = (value: string | null): value is ParticipantCategory =>
  value !== null && (CATEGORIES as readonly string[]).includes(value);

export const questionTypeLabels: Record<QuestionType, string> = {
  SINGLE_CHOICE: 'Один вариант ответа',
  MULTIPLE_CHOICE: 'Несколько вариантов ответа',
  SCALE: 'Шкала',
  MATRIX: 'Таблица: по одному варианту в каждой строке',
  NUMBER: 'Число',
  SHORT_TEXT: 'Короткий текст',
  LONG_TEXT: 'Развёрнутый текст',
};

export const LEVELS: readonly MonitoringLevel[] = ['REGION', 'MUNICIPALITY', 'POINT'];

export const levelLabels: Record<MonitoringLevel, string> = {
  REGION: 'По регионам',
  MUNICIPALITY: 'По муниципалитетам',
  POINT: 'По пунктам',
};

/** The heading of a row's name column at each level. */
export const levelColumn: Record<MonitoringLevel, string> = {
  REGION: 'Регион',
  MUNICIPALITY: 'Муниципалитет',
  POINT: 'Пункт проведения',
};

export const isLevel = (value: string | null): value is MonitoringLevel =>
  value !== null && (LEVELS as readonly string[]).includes(value);
