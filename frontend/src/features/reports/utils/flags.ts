import type { components } from '@/types/api.gen';

type FlagCode = components['schemas']['ObjectivityFlagCode'];

/** Short names of the signs of doubtful objectivity, for tables. */
export const FLAG_TITLES: Record<FlagCode, string> = {
  HIGH_RESULTS: 'высокие результаты',
  BOUNDARY_SPIKES: 'всплески на границах',
  TASK_DIFFICULTY: 'трудные лучше лёгких',
  IDENTICAL_VECTORS: 'одинаковые работы',
  JOURNAL_MISMATCH: 'выше журнала',
  REPEATED: 'повторно',
};
