import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import { formatNumber, formatTimeZone } from '@/utils/format';

import { useRegions } from '../api/get-regions';

type RegionsTableProps = {
  /** One-based. */
  page: number;
  onPageChange: (page: number) => void;
};

export function RegionsTable({ page, onPageChange }: RegionsTableProps) {
  const regions = useRegions({ page: page - 1 });

  if (regions.isPending) return <Loading />;
  if (regions.isError)
    return <ErrorMessage error={regions.error} onRetry={() => void regions.refetch()} />;

  const { items, totalPages, totalItems } = regions.data;
  return (
    <section aria-busy={regions.isPlaceholderData}>
      <div className="table-wrap">
        <table className="table table--stack" data-testid="regions-table">
          <caption className="visually-hidden">Регионы</caption>
          <thead>
            <tr>
              <th scope="col">Код</th>
              <th scope="col">Регион</th>
              <th scope="col">Часовой пояс</th>
              <th scope="col" className="table__num">
                Муниципалитеты
              </th>
              <th scope="col" className="table__num">
                Организации
              </th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={5} className="table__empty">
                  Регионы не найдены
                </td>
              </tr>
            )}
            {items.map((region) => (
              <tr key={region.code} data-testid="region-row">
                <td className="table__code" data-label="Код">
                  {region.code}
                </td>
                <td data-label="Регион">
                  <Link to={paths.orgs.region.getHref(region.code)}>{region.name}</Link>
                </td>
                <td className="table__muted" data-label="Часовой пояс">
                  {formatTimeZone(region.timeZone)}
                </td>
                <td className="table__num" data-label="Муниципалитеты">
                  {formatNumber(region.municipalityCount)}
                </td>
                <td className="table__num" data-label="Организации">
                  {formatNumber(region.organizationCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        label="Страницы списка регионов"
        page={page}
        totalPages={totalPages}
        totalItems={totalItems}
        onPageChange={onPageChange}
      />
    </section>
  );
}
