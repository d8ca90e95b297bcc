import type { ReactNode } from 'react';

import '../questionnaire-take.css';

/** A participant's page: a plain header, one column, nothing to navigate to. */
export function ParticipantLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="qt">
      <title>{`${title} — ОКО`}</title>
      <header className="qt-header">
        <span className="brand__mark" aria-hidden="true" />
        <span className="qt-header__name">ОКО · Анкетирование</span>
      </header>
      <main id="main" className="qt-main">
        {children}
      </main>
    </div>
  );
}
