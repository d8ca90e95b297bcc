import { useId, useState } from 'react';

import { formatNumber, plural } from '@/utils/format';

import { mailtoHref, questionnaireUrl, stripText, type StripContent } from '../utils/strips';
import type { ProtocolRow } from './protocol-table';

type StripsProps = {
  /** The used kits only: a spoiled or unused kit has no participant. */
  rows: ProtocolRow[];
  link: string;
  validity?: string;
};

/**
 * «Для анкетирования» (figures 6–7): a strip per used kit — login, password, name, link — to
 * print and cut along the dashed lines, or to hand over by a letter or the clipboard.
 */
export function Strips({ rows, link, validity }: StripsProps) {
  const id = useId();
  return (
    <section className="panel p1-strips-panel" aria-labelledby={`${id}-title`} data-testid="strips">
      <div className="p1-no-print form-stack">
        <h2 id={`${id}-title`} className="panel__title">
          Для анкетирования
        </h2>
        <p className="field__hint">
          Распечатайте и разрежьте по пунктирным линиям: каждому участнику — его полоска. Полоски
          есть только у комплектов с комментарием «использован».
          {validity && ` Логины и пароли действуют ${validity}.`}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={rows.length === 0}
            onClick={() => window.print()}
          >
            Распечатать
          </button>
          <span data-testid="strips-count">
            {formatNumber(rows.length)} {plural(rows.length, ['полоска', 'полоски', 'полосок'])}
          </span>
        </div>
        {rows.length === 0 && (
          <p className="panel panel--hint" data-testid="no-strips">
            Пока нет использованных комплектов. Отметьте «использован» в протоколе 2 (или в таблице
            выше, пока протокола 2 нет).
          </p>
        )}
      </div>
      {rows.length > 0 && (
        <ul className="p1-strips" aria-label="Полоски для участников">
          {rows.map((row) => (
            <Strip
              key={row.kit}
              kit={row.kit}
              content={{
                name: row.name,
                login: row.login,
                password: row.password,
                url: questionnaireUrl(link, row.login),
                validity,
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function Strip({ kit, content }: { kit: string; content: StripContent }) {
  const [copied, setCopied] = useState<'ok' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(stripText(content));
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <li className="p1-strip" data-testid="strip" aria-label={`Полоска, комплект ${kit}`}>
      <dl className="p1-strip__cells">
        <div>
          <dt>Логин</dt>
          <dd className="p1-strip__code" data-testid="strip-login">
            {content.login}
          </dd>
        </div>
        <div>
          <dt>Пароль</dt>
          <dd className="p1-strip__code" data-testid="strip-password">
            {content.password}
          </dd>
        </div>
        <div>
          <dt>ФИО</dt>
          <dd data-testid="strip-name">{content.name}</dd>
        </div>
        <div className="p1-strip__link">
          <dt>Ссылка на анкету</dt>
          <dd data-testid="strip-link">{content.url}</dd>
        </div>
      </dl>
      {content.validity && (
        <p className="p1-strip__validity">Анкета доступна {content.validity}.</p>
      )}
      <div className="actions p1-no-print">
        <a
          className="button button--secondary button--small"
          href={mailtoHref(content)}
          data-testid="strip-mailto"
        >
          Письмо участнику
        </a>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void copy()}
        >
          Скопировать текст
        </button>
        {copied === 'ok' && (
          <span role="status" className="field__hint">
            Текст скопирован
          </span>
        )}
        {copied === 'failed' && (
          <span role="alert" className="inline-error">
            Не удалось скопировать: выделите текст полоски и скопируйте вручную.
          </span>
        )}
      </div>
    </li>
  );
}
