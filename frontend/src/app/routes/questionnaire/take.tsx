import { useSearchParams } from 'react-router';

import { MainErrorFallback } from '@/components/errors/main-error-fallback';
import { QuestionnaireTake } from '@/features/questionnaire-take/components/questionnaire-take';

/** /q?login=… — the participant's questionnaire, outside the staff layout and its sign-in. */
export function QuestionnaireTakeRoute() {
  const [searchParams] = useSearchParams();
  const login = (searchParams.get('login') ?? '').trim().toLowerCase();
  return <QuestionnaireTake loginFromLink={login} />;
}

export function QuestionnaireTakeErrorBoundary() {
  return (
    <main className="qt-main">
      <MainErrorFallback />
    </main>
  );
}
