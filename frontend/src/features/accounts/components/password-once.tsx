import { ShownOnce } from '@/components/ui/shown-once';
import type { StaffAccountCredentials } from '@/types/api';

type PasswordOnceProps = {
  credentials: StaffAccountCredentials;
  /** What happened: «создана» or «новый пароль». */
  title: string;
  onDone: () => void;
};

/** A staff account's generated password (new or reset), shown this once. */
export function PasswordOnce({ credentials, title, onDone }: PasswordOnceProps) {
  return (
    <ShownOnce
      testId="password-once"
      title={title}
      owner={[{ label: 'Логин', value: credentials.account.login, testId: 'shown-login' }]}
      secret={{ label: 'Пароль', value: credentials.password, testId: 'shown-password' }}
      noun="пароль"
      note="Пароль показывается только сейчас: OKO хранит лишь его хеш. Передайте его владельцу конфиденциально."
      doneLabel="Пароль передан, закрыть"
      onDone={onDone}
    />
  );
}
