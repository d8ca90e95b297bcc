import type { FormResponseStatus, StageState } from '@/types/api';

export const stateLabels: Record<StageState, string> = {
  UPCOMING: 'Ещё не начался',
  OPEN: 'Идёт',
  CLOSED: 'Завершён',
};

export const stateChips: Record<StageState, string> = {
  UPCOMING: 'chip chip--upcoming',
  OPEN: 'chip chip--open',
  CLOSED: 'chip chip--closed',
};

export const formStatusLabels: Record<FormResponseStatus, string> = {
  NOT_STARTED: 'Не начат',
  DRAFT: 'Черновик',
  SUBMITTED: 'Отчёт сдан',
};

export const formStatusChips: Record<FormResponseStatus, string> = {
  NOT_STARTED: 'chip chip--closed',
  DRAFT: 'chip chip--draft',
  SUBMITTED: 'chip chip--done',
};

export const organizationKindLabels: Record<string, string> = {
  SCHOOL: 'Образовательная организация',
  COLLEGE: 'Образовательная организация СПО',
  ASSESSMENT_POINT: 'Пункт проведения оценки',
  SCANNING_CENTRE: 'Центр сканирования',
};

export const categoryLabels: Record<string, string> = {
  TEACHER: 'Учителя',
  METHODIST: 'Методисты',
};
