import type { ReactNode } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';

/** Renders the expert's pages for an expert only; everyone else is told whose pages they are. */
export function ExpertsOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.role !== 'EXPERT') {
    return (
      <div className="alert alert--error" role="alert">
        <p className="alert__title">Недостаточно прав</p>
        <p className="alert__text">
          Здесь работают эксперты, проверяющие работы. Организаторы распределяют работы и видят
          результаты в разделе «Эксперты и проверка».
        </p>
      </div>
    );
  }
  return children;
}
