import { useParams } from 'react-router';

import { NotFound } from '@/components/errors/not-found';
import { RegionView } from '@/features/orgs/components/region-view';

export function RegionRoute() {
  const { regionCode = '' } = useParams();
  // The API only knows two-digit codes; anything else is a broken link, not a server error.
  if (!/^[0-9]{2}$/.test(regionCode)) return <NotFound />;
  return <RegionView regionCode={regionCode} />;
}
