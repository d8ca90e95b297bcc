import { useSearchParams } from 'react-router';

import { PageHeader } from '@/components/ui/page-header';
import { RegionsTable } from '@/features/orgs/components/regions-table';

export function RegionsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = Number(searchParams.get('page'));
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;

  return (
    <>
      <PageHeader
        title="Регионы"
        subtitle="Субъекты Российской Федерации, их муниципалитеты и организации"
      />
      <RegionsTable
        page={page}
        onPageChange={(next) => setSearchParams(next > 1 ? { page: String(next) } : {})}
      />
    </>
  );
}
