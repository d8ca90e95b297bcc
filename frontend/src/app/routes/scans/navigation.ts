import type { NavItem } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';
import type { Role } from '@/types/api';

/** «Сканы» for those who follow the scans, «Загрузка сканов» for the scanning centre. */
export function scanNavigation(role: Role | undefined): NavItem[] {
  const items: NavItem[] = [];
  if (role === 'FEDERAL' || role === 'REGIONAL' || role === 'SCANNER') {
    items.push({ label: 'Сканы', to: paths.scans.dashboard.getHref() });
  }
  if (role === 'SCANNER') {
    items.push({ label: 'Загрузка сканов', to: paths.scans.upload.getHref() });
  }
  return items;
}
