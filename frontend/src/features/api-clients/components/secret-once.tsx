import { ShownOnce } from '@/components/ui/shown-once';

type SecretOnceProps = {
  clientId: string;
  secret: string;
  /** What happened: «зарегистрирована» or «новый секрет». */
  title: string;
  /** For a rotation: until when the old secret still works, in the reader's time, city named. */
  previousValidUntil?: string;
  onDone: () => void;
};

/** A regional system's client secret (new or rotated), shown this once for its settings. */
export function SecretOnce({
  clientId,
  secret,
  title,
  previousValidUntil,
  onDone,
}: SecretOnceProps) {
  const oldOne = previousValidUntil ? ` Старый секрет действует до ${previousValidUntil}.` : '';
  return (
    <ShownOnce
      testId="secret-once"
      title={title}
      owner={[
        { label: 'Идентификатор клиента (client_id)', value: clientId, testId: 'shown-client-id' },
      ]}
      secret={{ label: 'Секрет (client_secret)', value: secret, testId: 'shown-secret' }}
      noun="секрет"
      note={`Секрет показывается только сейчас: OKO хранит лишь его хеш. Внесите его в настройки системы и не пересылайте открытым письмом.${oldOne}`}
      doneLabel="Секрет сохранён, закрыть"
      onDone={onDone}
    />
  );
}
