import type { StaffAccountCredentials } from '@/types/api';

type PasswordOnceProps = {
  credentials: StaffAccountCredentials;
  /** What happened: «создана» or «новый пароль». */
  title: string;
  onDone: () => void;
};

/**
 * The generated password, shown this once: OKO keeps only its hash. The user copies or writes it
 * down and closes the box; nothing can show it again.
 */
export function PasswordOnce({ credentials, title, onDone }: PasswordOnceProps) {
  return (
    <div className="alert alert--info" role="status" data-testid="password-once">
      <p className="alert__title">{title}</p>
      <p className="alert__text">
        Логин: <code data-testid="shown-login">{credentials.account.login}</code>
      </p>
      <p className="alert__text">
        Пароль: <code data-testid="shown-password">{credentials.password}</code>
      </p>
      <p className="alert__text">
        Пароль показывается только сейчас: OKO хранит лишь его хеш. Передайте его владельцу
        конфиденциально.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void navigator.clipboard?.writeText(credentials.password)}
        >
          Скопировать пароль
        </button>
        <button type="button" className="button" onClick={onDone}>
          Пароль передан, закрыть
        </button>
      </div>
    </div>
  );
}
