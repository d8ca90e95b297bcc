import { Link } from 'react-router';

import { paths } from '@/config/paths';

export function Brand() {
  return (
    <Link to={paths.home.getHref()} className="brand" aria-label="ОКО — на главную">
      <span className="brand__mark" aria-hidden="true" />
      <span className="brand__text">
        <span className="brand__name">ОКО</span>{' '}
        <span className="brand__tagline">— оценка качества образования</span>
      </span>
    </Link>
  );
}

export function Footer() {
  return (
    <footer className="app-footer">
      <div className="container">ОКО — открытая платформа оценки качества образования</div>
    </footer>
  );
}
