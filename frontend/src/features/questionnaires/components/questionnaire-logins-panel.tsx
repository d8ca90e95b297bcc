import '../questionnaires.css';

import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { Campaign, KitCredentials } from '@/types/api';
import { formatNumber, formatZonedDateTime, plural, timeZoneName } from '@/utils/format';

import { useQuestionnaireLogins } from '../api/get-questionnaire-logins';
import { useIssueQuestionnaireLogins } from '../api/issue-questionnaire-logins';
import { LoginsWorkbookButton } from './logins-workbook-button';

/** As many logins as one organization may take (the contract's maximum). */
export const MAX_LOGINS = 500;

type QuestionnaireLoginsPanelProps = { campaign: Campaign; headingLevel?: 2 | 3 | 4 };

/** The strip's link with the login filled in, so the phone opens the sign-in ready. */
function linkFor(link: string, login: string): string {
  try {
    const url = new URL(link);
    url.searchParams.set('login', login);
    return url.toString();
  } catch {
    return `${link}?login=${encodeURIComponent(login)}`;
  }
}

/**
 * Questionnaires outside the ОМК (issue 20; seed 000 «анкетирование преподавателей ОО СПО»): the
 * organization takes one-off logins for its teachers — as many as it needs — and prints the strips
 * (login, password, link) to hand out. The teachers answer on their phones; the region follows the
 * counts in the questionnaire monitoring.
 */
export function QuestionnaireLoginsPanel({
  campaign,
  headingLevel = 3,
}: QuestionnaireLoginsPanelProps) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const logins = useQuestionnaireLogins({ campaignId: campaign.id });
  const who = campaign.kind === 'SPO' ? 'преподавателей' : 'учителей';
  return (
    <section className="panel" aria-labelledby={id} data-testid="questionnaire-logins">
      <Heading id={id} className="panel__title">
        Анкетирование {who}
      </Heading>
      {logins.isPending && <Loading label="Загрузка логинов для анкетирования…" />}
      {logins.isError && (
        <ErrorMessage
          error={logins.error}
          title="Не удалось загрузить логины для анкетирования"
          onRetry={() => void logins.refetch()}
        />
      )}
      {logins.isSuccess && <LoginsWorkspace campaign={campaign} logins={logins.data} who={who} />}
    </section>
  );
}

type LoginsWorkspaceProps = { campaign: Campaign; logins: KitCredentials; who: string };

function LoginsWorkspace({ campaign, logins, who }: LoginsWorkspaceProps) {
  const count = logins.items.length;
  const until = logins.validUntil
    ? `${formatZonedDateTime(logins.validUntil, campaign.timeZone)} (${timeZoneName(campaign.timeZone)})`
    : undefined;
  const print = () => {
    document.body.classList.add('ql-print');
    window.print();
    document.body.classList.remove('ql-print');
  };
  return (
    <div className="form-stack">
      <p className="field__hint">
        Каждому из {who} — свой одноразовый логин и пароль: распечатайте полоски, разрежьте и
        раздайте. Анкету заполняют с телефона или компьютера по ссылке на полоске.
        {until && ` Логины действуют до ${until}.`}
      </p>
      <p data-testid="questionnaire-logins-count">
        Выдано логинов: <strong>{formatNumber(count)}</strong>
      </p>
      <IssueForm campaignId={campaign.id} issued={count} />
      {count > 0 && (
        <>
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={print}>
              Распечатать полоски
            </button>
            <LoginsWorkbookButton campaignId={campaign.id} />
            <Link
              className="button button--secondary"
              to={paths.questionnaires.monitoring.getHref(campaign.id)}
            >
              Кто начал и сдал анкету
            </Link>
          </div>
          <ul className="ql-strips" aria-label="Полоски с логинами для анкетирования">
            {logins.items.map((item) => (
              <li key={item.login} className="ql-strip" data-testid="questionnaire-login-strip">
                <span className="ql-strip__label">Логин</span>{' '}
                <span className="ql-strip__value">{item.login}</span>{' '}
                <span className="ql-strip__label">Пароль</span>{' '}
                <span className="ql-strip__value">{item.password}</span>
                <span className="ql-strip__link">{linkFor(logins.link, item.login)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type IssueFormProps = { campaignId: number; issued: number };

/** «Выдать логины»: the total wanted; issued logins are kept, only the missing ones are added. */
function IssueForm({ campaignId, issued }: IssueFormProps) {
  const id = useId();
  const issue = useIssueQuestionnaireLogins();
  const [count, setCount] = useState(issued > 0 ? String(issued) : '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate({ campaignId, count: Number(count) });
  };
  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-count`}>Сколько логинов нужно всего</label>
        <input
          id={`${id}-count`}
          className="input ql-count"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_LOGINS}
          value={count}
          onChange={(event) => setCount(event.target.value)}
        />
        <p className="field__hint">
          Не больше {formatNumber(MAX_LOGINS)}. Выданные логины сохраняются: повторный запрос
          добавляет только недостающие
          {issued > 0 &&
            ` (сейчас ${formatNumber(issued)} ${plural(issued, ['логин', 'логина', 'логинов'])})`}
          .
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={issue.isPending || !count}>
          {issue.isPending ? 'Выдаём логины…' : 'Выдать логины'}
        </button>
      </div>
      {issue.isError && <ErrorMessage error={issue.error} title="Логины не выданы" />}
    </form>
  );
}
