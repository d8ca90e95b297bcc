import { Navigate, useSearchParams } from 'react-router';

import { MainErrorFallback } from '@/components/errors/main-error-fallback';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { safeReturnTo } from '@/config/paths';
import { useSession } from '@/lib/auth-session';
import { LoginForm } from '@/features/auth/components/login-form';

export function LoginRoute() {
  const session = useSession();
  const [searchParams] = useSearchParams();

  // Signed in (just now, or already in another visit of this page): go where the user wanted.
  if (session.signedIn) return <Navigate to={safeReturnTo(searchParams.get('returnTo'))} replace />;

  return (
    <AuthLayout
      title="Вход в систему"
      subtitle="Введите логин и пароль своей учётной записи."
      aside={
        <p>
          Логин и пароль выдаёт координатор вашего региона. Если вы забыли пароль, обратитесь к
          нему.
        </p>
      }
    >
      {session.endReason === 'expired' && (
        <p className="alert alert--info" role="status">
          Сеанс завершён. Войдите снова, чтобы продолжить работу.
        </p>
      )}
      <LoginForm />
    </AuthLayout>
  );
}

export function LoginErrorBoundary() {
  return (
    <AuthLayout title="Вход в систему">
      <MainErrorFallback />
    </AuthLayout>
  );
}
