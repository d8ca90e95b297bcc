import { Outlet } from 'react-router';

import { MainErrorFallback } from '@/components/errors/main-error-fallback';
import { AppLayout } from '@/components/layouts/app-layout';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { ProtectedRoute } from '@/lib/protected-route';

export function RootRoute() {
  return (
    <ProtectedRoute>
      <AppLayout account={<AccountMenu />}>
        <Outlet />
      </AppLayout>
    </ProtectedRoute>
  );
}

export function RootErrorBoundary() {
  return (
    <AppLayout>
      <MainErrorFallback />
    </AppLayout>
  );
}
