import { isRouteErrorResponse, useRouteError } from 'react-router';

import { NotFound } from './not-found';

/** The router's last line of defence: a render error or an unknown route. */
export function MainErrorFallback() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">Что-то пошло не так</p>
      <p className="alert__text">
        Страница не смогла открыться. Обновите её; если ошибка повторяется, сообщите в службу
        поддержки.
      </p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Обновить страницу
      </button>
    </div>
  );
}
