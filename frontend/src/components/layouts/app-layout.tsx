import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

import { paths } from '@/config/paths';

const navigation = [{ label: 'Регионы и организации', to: paths.orgs.regions.getHref() }];

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <header className="app-header">
        <div className="container app-header__inner">
          <Link to={paths.home.path} className="brand" aria-label="ОКО — на главную">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__name">ОКО</span>{' '}
              <span className="brand__tagline">— оценка качества образования</span>
            </span>
          </Link>
        </div>
      </header>
      <nav className="app-nav" aria-label="Основная навигация">
        <ul className="container app-nav__list">
          {navigation.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className="app-nav__link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="container app-main">
        {children}
      </main>
      <footer className="app-footer">
        <div className="container">ОКО — открытая платформа оценки качества образования</div>
      </footer>
    </div>
  );
}
