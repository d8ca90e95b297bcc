type SecretOnceProps = {
  clientId: string;
  secret: string;
  /** What happened: «зарегистрирована» or «новый секрет». */
  title: string;
  /** For a rotation: until when the old secret still works, in the reader's time, city named. */
  previousValidUntil?: string;
  onDone: () => void;
};

/**
 * The client's secret, shown this once: OKO keeps only its hash. The administrator copies it into
 * the regional system's settings and closes the box; nothing can show it again.
 */
export function SecretOnce({
  clientId,
  secret,
  title,
  previousValidUntil,
  onDone,
}: SecretOnceProps) {
  return (
    <div className="alert alert--info" role="status" data-testid="secret-once">
      <p className="alert__title">{title}</p>
      <p className="alert__text">
        Идентификатор клиента (client_id): <code data-testid="shown-client-id">{clientId}</code>
      </p>
      <p className="alert__text">
        Секрет (client_secret):{' '}
        <code className="secret" data-testid="shown-secret">
          {secret}
        </code>
      </p>
      <p className="alert__text">
        Секрет показывается только сейчас: OKO хранит лишь его хеш. Внесите его в настройки системы
        и не пересылайте открытым письмом.
        {previousValidUntil && ` Старый секрет действует до ${previousValidUntil}.`}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void navigator.clipboard?.writeText(secret)}
        >
          Скопировать секрет
        </button>
        <button type="button" className="button" onClick={onDone}>
          Секрет сохранён, закрыть
        </button>
      </div>
    </div>
  );
}
