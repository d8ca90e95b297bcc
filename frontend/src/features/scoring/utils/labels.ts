import type { ScoringResultStatus } from '@/types/api';

/** The results table's status badges, in capitals as on the printed forms. */
export const resultStatusLabels: Record<ScoringResultStatus, string> = {
  IN_PROGRESS: 'ИДЁТ ПРОВЕРКА',
  DISCREPANCY: 'РАСХОЖДЕНИЕ',
  FINAL: 'ИТОГ',
};

export const resultStatusHints: Record<ScoringResultStatus, string> = {
  IN_PROGRESS: 'Не все эксперты выставили баллы',
  DISCREPANCY: 'Баллы двух экспертов расходятся — работу проверяет третий эксперт',
  FINAL: 'Результат окончательный',
};

/** «Первая проверка», «Вторая проверка», «Третья проверка (расхождение)». */
export function roundLabel(round: number): string {
  if (round === 1) return 'Первая проверка';
  if (round === 2) return 'Вторая проверка';
  if (round === 3) return 'Третья проверка (расхождение)';
  return `Проверка ${round}`;
}
