import { useQuery } from '@tanstack/react-query';

import { getMeQueryOptions } from '@/lib/me';
import type { QueryConfig } from '@/lib/react-query';

export { getMe, getMeQueryOptions } from '@/lib/me';

type UseMeOptions = {
  queryConfig?: QueryConfig<typeof getMeQueryOptions>;
};

export const useMe = ({ queryConfig }: UseMeOptions = {}) =>
  useQuery({ ...getMeQueryOptions(), ...queryConfig });
