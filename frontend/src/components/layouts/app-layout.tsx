import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

import { paths } from '@/config/paths';

import { Brand, Footer } from './brand';

const navigation = [{ label: 'Регионы и организации', to: paths.orgs.regions.getHref() }];

type AppLayoutProps = {
  children: ReactNode;
  /** The signed-in account and its «Выйти», at the header's end. */
  account?: ReactNode;
};

export function AppLayout({ children, account }: AppLayoutProps) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <header className="app-header">
        <div className="container app-header__inner">
          <Brand />
          {account}
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
      <Footer />
    </div>
  );
}
