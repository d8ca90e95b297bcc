import '@/components/ui/pagination.css';

import { formatNumber } from '@/utils/format';

type PaginationProps = {
  /** One-based, as the user reads it. */
  page: number;
  totalPages: number;
  totalItems: number;
  onPageChange: (page: number) => void;
  label: string;
};

export function Pagination({ page, totalPages, totalItems, onPageChange, label }: PaginationProps) {
  const lastPage = Math.max(totalPages, 1);
  return (
    <nav className="pagination" aria-label={label} data-testid="pagination">
      <button
        type="button"
        className="button button--secondary"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
        ← Назад
      </button>
      <span className="pagination__status" aria-live="polite">
        <span>
          Страница {formatNumber(page)} из {formatNumber(lastPage)}
        </span>
        <span className="pagination__total">всего {formatNumber(totalItems)}</span>
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= lastPage}
        onClick={() => onPageChange(page + 1)}
      >
        Далее →
      </button>
    </nav>
  );
}
