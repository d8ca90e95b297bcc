import { useId } from 'react';

import { formatNumber, plural } from '@/utils/format';

/**
 * «Список кодов участников, которые разрезаются» (seed 004, 6.13.2): a strip per code between
 * dashed lines, cut apart and handed to the participants before the work. No names on them.
 */
export function CodeStrips({ codes, subject }: { codes: string[]; subject: string }) {
  const id = useId();
  return (
    <section
      className="panel cp-strips-panel"
      aria-labelledby={`${id}-title`}
      data-testid="code-strips"
    >
      <div className="cp-no-print form-stack">
        <h2 id={`${id}-title`} className="panel__title">
          Коды для разрезания
        </h2>
        <p className="field__hint">
          Распечатайте и разрежьте по пунктирным линиям; перед началом работы выдайте каждому
          участнику его код. {formatNumber(codes.length)}{' '}
          {plural(codes.length, ['полоска', 'полоски', 'полосок'])}.
        </p>
      </div>
      <ul className="cp-strips" aria-label="Коды участников для разрезания">
        {codes.map((code) => (
          <li key={code} className="cp-strip" data-testid="code-strip">
            <span className="cp-strip__label">Код участника</span>{' '}
            <span className="cp-strip__code">{code}</span>{' '}
            <span className="cp-strip__subject">{subject}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
