import { Outlet } from 'react-router';

import { MainErrorFallback } from '@/components/errors/main-error-fallback';
import { AppLayout, baseNavigation, type NavItem } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { ProtectedRoute } from '@/lib/protected-route';
import type { Role } from '@/types/api';

import { cabinetHref } from './cabinet/landing';
import { isCoordinator } from './coordinators-only';
import { isStaff } from './staff-only';
import { useScanNavigation } from './scans/navigation';

const staffNavigation: NavItem[] = [
  { label: 'Выдача логинов и паролей', to: paths.credentials.issue.getHref() },
  { label: 'Журнал аудита', to: paths.audit.log.getHref() },
];

export function RootRoute() {
  return (
    <ProtectedRoute>
      <SignedInLayout />
    </ProtectedRoute>
  );
}

const coordinatorNavigation: NavItem[] = [
  { label: 'Кампании', to: paths.campaigns.list.getHref() },
];

/** Expert scoring: the expert's works, or the organizers' experts, distribution and results. */
function scoringNavigation(role: Role | undefined): NavItem[] {
  if (role === 'EXPERT') return [{ label: 'Проверка работ', to: paths.scoring.tasks.getHref() }];
  if (isStaff(role)) {
    return [{ label: 'Эксперты и проверка', to: paths.scoring.admin.getHref() }];
  }
  return [];
}

/** The roles with statistical reports: every level from the organization to the country. */
function readsReports(role: Role | undefined) {
  return (
    role === 'FEDERAL' ||
    role === 'REGIONAL' ||
    role === 'MUNICIPAL' ||
    role === 'RESPONSIBLE' ||
    role === 'ORGANIZATION'
  );
}

/** The layout with the items the signed-in account's role may open. */
function SignedInLayout() {
  const me = useMe();
  const scans = useScanNavigation(me.data?.role);
  const navigation = isStaff(me.data?.role)
    ? [...baseNavigation, ...staffNavigation]
    : baseNavigation;
  const withCampaigns = isCoordinator(me.data?.role)
    ? [...navigation, ...coordinatorNavigation]
    : navigation;
  const cabinet: NavItem = { label: 'Личный кабинет', to: cabinetHref(me.data?.role) };
  const reports: NavItem[] = readsReports(me.data?.role)
    ? [{ label: 'Статистические отчёты', to: paths.reports.list.getHref() }]
    : [];
  const withFeatures = [
    ...withCampaigns,
    ...reports,
    ...scans,
    ...scoringNavigation(me.data?.role),
  ];
  return (
    <AppLayout account={<AccountMenu />} navigation={[cabinet, ...withFeatures]}>
      <Outlet />
    </AppLayout>
  );
}

export function RootErrorBoundary() {
  return (
    <AppLayout>
      <MainErrorFallback />
    </AppLayout>
  );
}
