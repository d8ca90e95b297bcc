import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useMe } from '@/features/auth/api/get-me';
import { ForumBrowser } from '@/features/forum/components/forum-browser';

export function ForumRoute() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Форум поддержки"
        subtitle="Вопросы организаторов и ответы федерального организатора — видны всем организаторам кампании"
      />
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <ErrorMessage error={me.error} />
      ) : (
        <ForumBrowser role={me.data.role} />
      )}
    </>
  );
}
