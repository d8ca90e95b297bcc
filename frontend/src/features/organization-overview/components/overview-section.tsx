import { useId, type ReactNode } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';

type Query<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
};

type OverviewSectionProps<T> = {
  title: string;
  testId: string;
  query: Query<T>;
  /** The section's own link to where its work is handled. */
  action?: ReactNode;
  children: (data: T) => ReactNode;
};

/** One section of the page: its own request, its own loading and error, its own link. */
export function OverviewSection<T>({
  title,
  testId,
  query,
  action,
  children,
}: OverviewSectionProps<T>) {
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="panel__title">
        {title}
      </h2>
      {query.isPending ? (
        <Loading label={`Загрузка: ${title.toLowerCase()}…`} />
      ) : query.isError || query.data === undefined ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        children(query.data)
      )}
      {action && <div className="actions">{action}</div>}
    </section>
  );
}
