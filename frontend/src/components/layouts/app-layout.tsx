import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

import { Brand, Footer } from './brand';

/**
 * One item of the main menu. `more` puts it behind «Ещё» on a desk (the phone's menu lists every
 * item); `matches` decides when it is the current section, where the link's own path would claim
 * pages of another item (a campaign's scoring lives under /campaigns but is «Эксперты и проверка»).
 */
export type NavItem = {
  label: string;
  to: string;
  more?: boolean;
  matches?: (pathname: string) => boolean;
};

type AppLayoutProps = {
  children: ReactNode;
  navigation?: NavItem[];
  /** The signed-in account and its «Выйти», at the header's end. */
  account?: ReactNode;
};

export function AppLayout({ children, account, navigation = [] }: AppLayoutProps) {
  // With a menu, a phone's header is one row: the logo, «Меню» (the menu's own bar, placed in the
  // header's row by the stylesheet) and the account (issue 21: it was ~175 px tall at 360 px).
  return (
    <div className={`app${navigation.length > 0 ? ' app--menu' : ''}`}>
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <header className="app-header">
        <div className="container app-header__inner">
          <Brand />
          {account}
        </div>
      </header>
      {navigation.length > 0 && <MainMenu items={navigation} />}
      <main id="main" className="container app-main">
        {children}
      </main>
      <Footer />
    </div>
  );
}

/** Whether `item` is the section the page at `pathname` belongs to. */
export function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.matches) return item.matches(pathname);
  const path = item.to.split('?')[0] ?? item.to;
  if (path === '/') return pathname === '/';
  return pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * The main menu: one line on a desk, the rarer items behind «Ещё»; on a phone a «Меню» button
 * opens every item as a list. It closes when a page is chosen.
 */
function MainMenu({ items }: { items: NavItem[] }) {
  const { pathname } = useLocation();
  // Open on the page where it was opened: choosing a page closes it.
  const [openOn, setOpenOn] = useState<string>();
  const open = openOn === pathname;
  const listId = useId();
  const primary = items.filter((item) => !item.more);
  const more = items.filter((item) => item.more);
  const current = items.find((item) => isCurrent(item, pathname));
  // Choosing the page already shown changes no address: the list still closes.
  const close = () => setOpenOn(undefined);

  return (
    <nav className="app-nav" aria-label="Основная навигация">
      <div className="container app-nav__bar">
        <button
          type="button"
          className="app-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenOn(open ? undefined : pathname)}
        >
          <span className="app-nav__burger" aria-hidden="true" />
          <span className="app-nav__toggle-text">Меню</span>
        </button>
        {current && (
          <span className="app-nav__current" aria-hidden="true">
            {current.label}
          </span>
        )}
      </div>
      <ul id={listId} className={`container app-nav__list${open ? ' app-nav__list--open' : ''}`}>
        {primary.map((item) => (
          <li key={item.to}>
            <MenuLink item={item} current={item === current} onChoose={close} />
          </li>
        ))}
        {more.map((item) => (
          <li key={item.to} className="app-nav__phone-only">
            <MenuLink item={item} current={item === current} onChoose={close} />
          </li>
        ))}
        {more.length > 0 && (
          <li className="app-nav__desk-only">
            <MoreMenu items={more} current={current} />
          </li>
        )}
      </ul>
    </nav>
  );
}

function MenuLink({
  item,
  current,
  onChoose,
}: {
  item: NavItem;
  current: boolean;
  onChoose?: () => void;
}) {
  return (
    // A plain link: NavLink would mark «Кампании» current by its own prefix rule inside a
    // campaign's scoring, beside «Эксперты и проверка» (issue 21). `current` alone decides.
    <Link
      to={item.to}
      onClick={onChoose}
      className={`app-nav__link${current ? ' active' : ''}`}
      aria-current={current ? 'page' : undefined}
    >
      {item.label}
    </Link>
  );
}

/**
 * «Ещё ▾»: the desk's rarer items, a list that closes on a choice, Escape or a click outside. Its
 * width does not change with the page (a long current label would push the menu onto two lines);
 * it is underlined when the page is one of its items, whose name a screen reader hears.
 */
function MoreMenu({ items, current }: { items: NavItem[]; current: NavItem | undefined }) {
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string>();
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : undefined);
  const ref = useRef<HTMLDivElement>(null);
  const inside = current !== undefined && items.includes(current);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && ref.current?.contains(event.target as Node)) return;
      setOpenOn(undefined);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="app-nav__more" ref={ref}>
      <button
        type="button"
        className={`app-nav__link app-nav__more-button${inside ? ' active' : ''}`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Ещё <span aria-hidden="true">▾</span>
        {inside && current && <span className="visually-hidden">: {current.label}</span>}
      </button>
      {open && (
        <ul className="app-nav__more-list">
          {items.map((item) => (
            <li key={item.to}>
              <MenuLink item={item} current={item === current} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
