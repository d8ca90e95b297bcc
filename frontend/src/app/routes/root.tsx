import { Outlet } from 'react-router';

import { MainErrorFallback } from '@/components/errors/main-error-fallback';
import { AppLayout, baseNavigation, type NavItem } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
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
  { label: 'Учётные записи', to: paths.accounts.list.getHref() },
];

/** Expert scoring: the expert's works, or the organizers' experts, distribution and results. */
function scoringNavigation(role: Role | undefined): NavItem[] {
  if (role === 'EXPERT') return [{ label: 'Проверка работ', to: paths.scoring.tasks.getHref() }];
  if (isStaff(role)) {
    return [{ label: 'Эксперты и проверка', to: paths.scoring.admin.getHref() }];
  }
  return [];
}

/** Observers: the observer's own assignments; candidates, assignments and acts for the others. */
function observersNavigation(role: Role | undefined): NavItem[] {
  if (role === 'OBSERVER') return [{ label: 'Мои назначения', to: paths.observers.home.getHref() }];
  if (role === 'ORGANIZATION' || isCoordinator(role)) {
    return [{ label: 'Наблюдатели', to: paths.observers.home.getHref() }];
  }
  return [];
}

/**
 * The organizers at every level, from an organization up: they read the forum (a college's
 * account reads its СПО study's forum) and the statistical reports.
 */
function isOrganizer(role: Role | undefined): boolean {
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
  const organizer = isOrganizer(me.data?.role);
  const reports: NavItem[] = organizer
    ? [{ label: 'Статистические отчёты', to: paths.reports.list.getHref() }]
    : [];
  const forum: NavItem[] = organizer
    ? [{ label: 'Форум поддержки', to: paths.forum.list.getHref() }]
    : [];
  const withFeatures = [
    ...withCampaigns,
    ...reports,
    ...forum,
    ...scans,
    ...scoringNavigation(me.data?.role),
    ...observersNavigation(me.data?.role),
  ];
  const account = (
    <div className="header-actions">
      {me.data && me.data.role !== 'PARTICIPANT' && <NotificationBell />}
      <AccountMenu />
    </div>
  );
  return (
    <AppLayout account={account} navigation={[cabinet, ...withFeatures]}>
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
