import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

import { paths } from '@/config/paths';

import { Brand, Footer } from './brand';

export type NavItem = { label: string; to: string };

/** What every account may open; the app adds the items its role allows. */
export const baseNavigation: NavItem[] = [
  { label: 'Регионы и организации', to: paths.orgs.regions.getHref() },
  { label: 'Публикации', to: paths.publications.list.getHref() },
];

type AppLayoutProps = {
  children: ReactNode;
  navigation?: NavItem[];
  /** The signed-in account and its «Выйти», at the header's end. */
  account?: ReactNode;
};

export function AppLayout({ children, account, navigation = baseNavigation }: AppLayoutProps) {
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
