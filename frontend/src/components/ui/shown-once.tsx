import { useState, type ReactNode } from 'react';

import '@/components/ui/shown-once.css';

/** One value shown in the box: its label, the value, the test id a journey finds it by. */
export type ShownValue = { label: ReactNode; value: string; testId: string };

type ShownOnceProps = {
  /** What happened: «Учётная запись создана», «Новый секрет системы …». */
  title: string;
  /** Whose secret it is: a login, a client id (shown before the secret). */
  owner: ShownValue[];
  /** The password or secret itself: shown here, copied from here, never again. */
  secret: ShownValue;
  /** The secret's noun for the copy button and its answer: «пароль», «секрет». */
  noun: 'пароль' | 'секрет';
  /** Why only now and what to do with it. */
  note: ReactNode;
  /** The closing button: what the user confirms by it (e.g. «Пароль передан, закрыть»). */
  doneLabel: string;
  onDone: () => void;
  testId: string;
};

/**
 * A password or secret shown this once (DESIGN.md, "Passwords: generated once, shown or
 * downloaded once"): OKO keeps only its hash, so the user copies or writes it down and closes
 * the box; nothing can show it again. Every such place in the SPA shows it through this box.
 */
export function ShownOnce({
  title,
  owner,
  secret,
  noun,
  note,
  doneLabel,
  onDone,
  testId,
}: ShownOnceProps) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="alert alert--info shown-once" role="status" data-testid={testId}>
      <p className="alert__title">{title}</p>
      {owner.map((line) => (
        <p key={line.testId} className="alert__text">
          {line.label}: <code data-testid={line.testId}>{line.value}</code>
        </p>
      ))}
      <p className="alert__text">
        {secret.label}:{' '}
        <code className="shown-once__secret" data-testid={secret.testId}>
          {secret.value}
        </code>
      </p>
      <p className="alert__text">{note}</p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Скопировать {noun}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
      {copied === 'yes' && <p className="alert__text">{Noun} скопирован.</p>}
      {copied === 'failed' && (
        <p className="inline-error">
          Не удалось скопировать: выделите {noun} и скопируйте вручную.
        </p>
      )}
    </div>
  );
}
