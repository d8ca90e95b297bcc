import type { components } from '@/types/api.gen';

export type KitRange = components['schemas']['KitRange'];
export type KitRangePage = components['schemas']['KitRangePage'];
export type KitRangeInput = components['schemas']['KitRangeInput'];
