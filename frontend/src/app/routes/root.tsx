import { Outlet } from 'react-router';

import { MainErrorFallback } from '@/components/errors/main-error-fallback';
import { AppLayout } from '@/components/layouts/app-layout';

export function RootRoute() {
  return (
    <AppLayout>
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
