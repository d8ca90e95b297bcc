import type { NavItem } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';
import { useOwnLocalScanning } from '@/features/scans/api/list-own-local-scanning';
import type { Role } from '@/types/api';

/**
 * «Сканы» for those who follow the scans, «Загрузка сканов» for the scanning centre — and for an
 * organization of a remote territory once its region lets it scan its own works.
 */
export function useScanNavigation(role: Role | undefined): NavItem[] {
  const own = useOwnLocalScanning({ queryConfig: { enabled: role === 'ORGANIZATION' } });
  const items: NavItem[] = [];
  if (role === 'FEDERAL' || role === 'REGIONAL' || role === 'SCANNER') {
    items.push({ label: 'Сканы', to: paths.scans.dashboard.getHref() });
  }
  if (role === 'SCANNER') {
    items.push({ label: 'Загрузка сканов', to: paths.scans.upload.getHref() });
  }
  if (role === 'ORGANIZATION' && (own.data?.items.length ?? 0) > 0) {
    items.push({ label: 'Загрузка сканов', to: paths.scans.upload.getHref() });
  }
  return items;
}
