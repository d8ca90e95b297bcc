import { formatRegionDateTime } from '../utils/time';

/** All a submitted questionnaire shows, on every later sign-in too. */
export function Thanks({ submittedAt, timeZone }: { submittedAt?: string; timeZone?: string }) {
  return (
    <section className="qt-thanks" aria-labelledby="qt-thanks-title">
      <h1 id="qt-thanks-title">Спасибо, анкета сдана</h1>
      {submittedAt && (
        <p data-testid="submitted-at">
          Анкета сдана {formatRegionDateTime(submittedAt, timeZone)}.
        </p>
      )}
      <p>Больше ничего делать не нужно. Эту страницу можно закрыть.</p>
    </section>
  );
}
