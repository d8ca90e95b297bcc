import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';

import type { Protocol2 } from '../hooks/use-protocol2';

const statusLabels = {
  NOT_STARTED: 'не начат',
  DRAFT: 'черновик',
  SUBMITTED: 'сдан',
} as const;

type Protocol2StatusProps = { protocol2: Protocol2; onRefresh: () => void };

/** Where the comments come from: the point's protocol 2, or — while there is none — this page. */
export function Protocol2Status({ protocol2, onRefresh }: Protocol2StatusProps) {
  return (
    <section className="panel p1-no-print" aria-labelledby="p1-p2-title" data-testid="protocol2">
      <h2 id="p1-p2-title" className="panel__title">
        Комментарии из протокола 2
      </h2>
      <div className="form-stack">
        {protocol2.state === 'loading' && <Loading label="Читаем протокол 2…" />}
        {protocol2.state === 'error' && (
          <>
            <ErrorMessage
              error={protocol2.error}
              title="Не удалось прочитать протокол 2"
              onRetry={protocol2.retry}
            />
            <p>Пока отметьте комментарии в таблице ниже — они сохранятся на этом компьютере.</p>
          </>
        )}
        {protocol2.state === 'none' && (
          <p data-testid="protocol2-none">
            Протокола 2 по этому предмету пока нет. Отметьте комментарии в таблице ниже — они
            сохранятся только на этом компьютере. Потом перенесите их в протокол 2.
          </p>
        )}
        {protocol2.state === 'found' && (
          <p data-testid="protocol2-found">
            Комментарии и логины ОО взяты из протокола 2 «{protocol2.form.title}» (
            {statusLabels[protocol2.status] ?? protocol2.status}). Чтобы изменить их, откройте{' '}
            <Link to={paths.forms.form.getHref(protocol2.form.id)}>протокол 2</Link>. Где в
            протоколе 2 комментария ещё нет, его можно отметить здесь.
          </p>
        )}
        <div>
          <button type="button" className="button button--secondary" onClick={onRefresh}>
            Обновить из протокола 2
          </button>
        </div>
      </div>
    </section>
  );
}
