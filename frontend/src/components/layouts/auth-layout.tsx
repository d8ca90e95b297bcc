import '@/components/layouts/auth-layout.css';

import type { ReactNode } from 'react';

import { Brand, Footer } from './brand';

type AuthLayoutProps = {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Below the card: where to turn for help. */
  aside?: ReactNode;
};

/** The pages before sign-in: the brand, one centred card, nothing to navigate to. */
export function AuthLayout({ title, subtitle, children, aside }: AuthLayoutProps) {
  return (
    <div className="app">
      <header className="app-header">
        <div className="container app-header__inner">
          <Brand />
        </div>
      </header>
      <main id="main" className="auth-main">
        <section className="auth-card" aria-labelledby="auth-title">
          <title>{`${title} — ОКО`}</title>
          <h1 id="auth-title" className="auth-card__title">
            {title}
          </h1>
          {subtitle && <p className="auth-card__subtitle">{subtitle}</p>}
          {children}
        </section>
        {aside && <div className="auth-aside">{aside}</div>}
      </main>
      <Footer />
    </div>
  );
}
