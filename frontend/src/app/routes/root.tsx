import { Outlet } from 'react-router';

import { MainErrorFallback } from '@/components/errors/main-error-fallback';
import { AppLayout, type NavItem } from '@/components/layouts/app-layout';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { useOrganization } from '@/features/orgs/api/get-organization';
import { ProtectedRoute } from '@/lib/protected-route';
import type { Role } from '@/types/api';
import { kindLabels } from '@/utils/labels';

import { cabinetHref } from './cabinet/landing';
import { isCoordinator } from './coordinators-only';
import { isStaff } from './staff-only';
import { useScanNavigation } from './scans/navigation';

const staffNavigation: NavItem[] = [
  { label: 'Выдача логинов и паролей', to: paths.credentials.issue.getHref(), more: true },
  { label: 'Журнал аудита', to: paths.audit.log.getHref(), more: true },
  { label: 'Внешние системы', to: paths.apiClients.list.getHref(), more: true },
];

/** A campaign's expert scoring (/campaigns/7/scoring) belongs to «Эксперты и проверка». */
const CAMPAIGN_SCORING = /^\/campaigns\/\d+\/scoring(\/|$)/;

/** The region tree answers coordinators only (orgs.Visibility#coordinates). */
const regionsNavigation: NavItem = {
  label: 'Регионы и организации',
  to: paths.orgs.regions.getHref(),
};

const publicationsNavigation: NavItem = {
  label: 'Публикации',
  to: paths.publications.list.getHref(),
};

export function RootRoute() {
  return (
    <ProtectedRoute>
      <SignedInLayout />
    </ProtectedRoute>
  );
}

const coordinatorNavigation: NavItem[] = [
  {
    label: 'Кампании',
    to: paths.campaigns.list.getHref(),
    matches: (pathname) =>
      (pathname === '/campaigns' || pathname.startsWith('/campaigns/')) &&
      !CAMPAIGN_SCORING.test(pathname),
  },
  // Behind «Ещё» on a desk, so the municipal menu keeps to one line (issue 21).
  { label: 'Учётные записи', to: paths.accounts.list.getHref(), more: true },
];

/** Municipal and responsible coordinators receive their organizations' logins from the region. */
const receivedLogins: NavItem = {
  label: 'Логины организаций',
  to: paths.credentials.issue.getHref(),
  more: true,
};

/** Expert scoring: the expert's works, or the organizers' experts, distribution and results. */
function scoringNavigation(role: Role | undefined): NavItem[] {
  if (role === 'EXPERT') return [{ label: 'Проверка работ', to: paths.scoring.tasks.getHref() }];
  if (isStaff(role)) {
    return [
      {
        label: 'Эксперты и проверка',
        to: paths.scoring.admin.getHref(),
        matches: (pathname) =>
          pathname.startsWith(paths.scoring.admin.getHref()) || CAMPAIGN_SCORING.test(pathname),
      },
    ];
  }
  return [];
}

/** Observers: the observer's own assignments; candidates, assignments and acts for the others. */
function observersNavigation(role: Role | undefined): NavItem[] {
  if (role === 'OBSERVER') return [{ label: 'Мои назначения', to: paths.observers.home.getHref() }];
  if (role === 'ORGANIZATION')
    return [{ label: 'Наблюдатели', to: paths.observers.home.getHref() }];
  // A coordinator's menu is long: at 1280 px it fits one line with this behind «Ещё» (issue 21).
  if (isCoordinator(role)) {
    return [{ label: 'Наблюдатели', to: paths.observers.home.getHref(), more: true }];
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
  const role = me.data?.role;
  // An organization account is named by its kind: «Пункт проведения оценки», not a school.
  const ownOrganization = useOrganization({
    organizationId: me.data?.organizationId ?? 0,
    queryConfig: { enabled: role === 'ORGANIZATION' && me.data?.organizationId !== undefined },
  });
  // Until the organization's kind is known the role stays blank, so that a point's header
  // never flashes «Образовательная организация» first.
  const roleText =
    role !== 'ORGANIZATION'
      ? undefined
      : ownOrganization.isLoading
        ? ''
        : ownOrganization.data?.kind === 'ASSESSMENT_POINT'
          ? kindLabels.ASSESSMENT_POINT
          : undefined;
  const cabinet: NavItem = { label: 'Личный кабинет', to: cabinetHref(role) };
  const organizer = isOrganizer(role);
  // The forum answers a college among organizations (its СПО study), not a school or a point.
  const readsForum =
    organizer && (role !== 'ORGANIZATION' || ownOrganization.data?.kind === 'COLLEGE');
  // The personal account and the publications are the organizers'; a scanning centre's account
  // lists the campaigns it scans; an expert and an observer have their own home (issue 21: no menu
  // item that answers 403).
  const navigation: NavItem[] = [
    ...(organizer || role === 'SCANNER' ? [cabinet] : []),
    ...(isCoordinator(role) ? [regionsNavigation] : []),
    ...(organizer ? [publicationsNavigation] : []),
    ...(isCoordinator(role) ? coordinatorNavigation : []),
    ...(role === 'MUNICIPAL' || role === 'RESPONSIBLE' ? [receivedLogins] : []),
    ...(organizer ? [{ label: 'Статистические отчёты', to: paths.reports.list.getHref() }] : []),
    // Behind «Ещё» for the coordinators, whose menu would not fit one line at 1280 px otherwise.
    ...scans.map((item) => (isCoordinator(role) ? { ...item, more: true } : item)),
    ...scoringNavigation(role),
    ...observersNavigation(role),
    ...(readsForum
      ? [{ label: 'Форум поддержки', to: paths.forum.list.getHref(), more: isStaff(role) }]
      : []),
    ...(isStaff(role) ? staffNavigation : []),
  ];
  const account = (
    <div className="header-actions">
      {me.data && me.data.role !== 'PARTICIPANT' && <NotificationBell />}
      <AccountMenu roleText={roleText} />
    </div>
  );
  return (
    <AppLayout account={account} navigation={navigation}>
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
