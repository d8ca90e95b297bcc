import '../forum.css';
import { useDeferredValue, useId, useState } from 'react';
import { Link } from 'react-router';

import { useCampaignChoices } from '@/api/get-campaign-choices';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import { useSearchParamUpdates } from '@/hooks/use-search-param-updates';
import type { Role } from '@/types/api';
import { formatNumber } from '@/utils/format';
import { parsePage } from '@/utils/paging';

import { useCreateSection } from '../api/create-section';
import { useQuestions } from '../api/get-questions';
import { useSections } from '../api/get-sections';
import { useForumSearch } from '../api/search-forum';
import { AuthorLabel } from './author-label';
import { ForumTime } from './forum-time';
import { QuestionStatusChip } from './status-chip';

const ID = /^[1-9][0-9]{0,14}$/;
const FILTERS: { value: string; label: string }[] = [
  { value: '', label: 'Все' },
  { value: 'OPEN', label: 'Без ответа' },
  { value: 'ANSWERED', label: 'С ответом' },
  { value: 'mine', label: 'Мои' },
];

/**
 * A forum: the campaign's (or the general one), its sections, questions with filters, and a search
 * over every question and answer. Campaign, section, filter, search and page live in the URL.
 */
export function ForumBrowser({ role }: { role: Role }) {
  const [params, update] = useSearchParamUpdates();
  const campaignParam = params.get('campaign') ?? '';
  const campaignId = ID.test(campaignParam) ? Number(campaignParam) : undefined;
  const sectionParam = params.get('section') ?? '';
  const sectionId = ID.test(sectionParam) ? Number(sectionParam) : undefined;
  const filter = params.get('filter') ?? '';
  const page = parsePage(params.get('page'));
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const q = useDeferredValue(typed.trim());
  const id = useId();

  const campaigns = useCampaignChoices();
  const sections = useSections(campaignId);
  const questions = useQuestions({
    campaignId,
    sectionId,
    status: filter === 'OPEN' || filter === 'ANSWERED' ? filter : undefined,
    mine: filter === 'mine',
    page: page - 1,
  });
  const search = useForumSearch({ q, campaignId });
  const timeZone = campaigns.data?.items.find((c) => c.id === campaignId)?.timeZone;
  const searching = q.length >= 2;

  return (
    <div className="forum" data-testid="forum">
      <section className="panel">
        <div className="filters" role="search">
          <div className="field">
            <label htmlFor={`${id}-campaign`}>Форум</label>
            <select
              id={`${id}-campaign`}
              className="input"
              value={campaignId ?? ''}
              data-testid="forum-campaign"
              onChange={(e) =>
                update({ campaign: e.target.value || null, section: null, page: null })
              }
            >
              <option value="">Общий форум</option>
              {campaigns.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-q`}>Поиск по вопросам и ответам</label>
            <input
              id={`${id}-q`}
              className="input"
              type="search"
              value={typed}
              placeholder="Например: выборка колледжей"
              data-testid="forum-search"
              onChange={(e) => {
                setTyped(e.target.value);
                update({ q: e.target.value || null }, true);
              }}
            />
          </div>
          <Link
            className="button"
            to={paths.forum.ask.getHref(campaignId, sectionId)}
            data-testid="forum-ask-link"
          >
            Задать вопрос
          </Link>
        </div>
      </section>

      {searching ? (
        <section className="panel" data-testid="forum-search-results">
          <h2 className="panel__title">Найдено</h2>
          {search.isPending ? (
            <Loading />
          ) : search.isError ? (
            <ErrorMessage error={search.error} />
          ) : search.data.items.length === 0 ? (
            <p className="table__empty">Ничего не найдено. Попробуйте другие слова.</p>
          ) : (
            <ul className="forum-list">
              {search.data.items.map((hit) => (
                <li key={`${hit.questionId}-${hit.answerId ?? 0}`} className="forum-item">
                  <p className="forum-item__title">
                    <Link to={paths.forum.question.getHref(hit.questionId)}>{hit.title}</Link>{' '}
                    <QuestionStatusChip status={hit.status} />
                  </p>
                  <p className="forum-item__excerpt">
                    {hit.answerId ? 'В ответе: ' : ''}
                    {hit.excerpt}
                  </p>
                  <p className="forum-item__meta">
                    {hit.sectionTitle} · <ForumTime at={hit.createdAt} timeZone={timeZone} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <div className="forum-layout">
        <aside className="panel forum-sections" aria-label="Разделы">
          <h2 className="panel__title">Разделы</h2>
          {sections.isPending ? (
            <Loading />
          ) : sections.isError ? (
            <ErrorMessage error={sections.error} />
          ) : (
            <ul className="forum-sections__list">
              <li>
                <button
                  type="button"
                  className={`forum-sections__link${sectionId ? '' : ' is-active'}`}
                  onClick={() => update({ section: null, page: null })}
                >
                  Все разделы
                </button>
              </li>
              {sections.data.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={`forum-sections__link${sectionId === s.id ? ' is-active' : ''}`}
                    onClick={() => update({ section: String(s.id), page: null })}
                  >
                    {s.title}{' '}
                    <span className="forum-sections__count">
                      {formatNumber(s.questions)}
                      {s.openQuestions > 0 ? ` · без ответа ${formatNumber(s.openQuestions)}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {role === 'FEDERAL' && <NewSectionForm campaignId={campaignId} />}
        </aside>

        <section className="panel forum-questions">
          <div className="forum-tabs" role="group" aria-label="Отбор вопросов">
            {FILTERS.map((f) => (
              <button
                key={f.value}
                type="button"
                aria-pressed={filter === f.value}
                className={`chip${filter === f.value ? ' chip--selected' : ''}`}
                onClick={() => update({ filter: f.value || null, page: null })}
              >
                {f.label}
              </button>
            ))}
          </div>
          {questions.isPending ? (
            <Loading />
          ) : questions.isError ? (
            <ErrorMessage error={questions.error} onRetry={() => void questions.refetch()} />
          ) : questions.data.items.length === 0 ? (
            <p className="table__empty" data-testid="forum-empty">
              Вопросов пока нет.
            </p>
          ) : (
            <>
              <ul className="forum-list" data-testid="forum-questions">
                {questions.data.items.map((question) => (
                  <li key={question.id} className="forum-item">
                    <p className="forum-item__title">
                      {question.pinned && <span className="chip chip--kind">FAQ</span>}
                      <Link to={paths.forum.question.getHref(question.id)}>
                        {question.title}
                      </Link>{' '}
                      <QuestionStatusChip status={question.status} />
                      {question.regionalThread && <span className="chip">Вопрос региону</span>}
                      {question.locked && <span className="chip chip--closed">Закрыт</span>}
                      {question.hidden && <span className="chip chip--withdrawn">Скрыт</span>}
                    </p>
                    <p className="forum-item__excerpt">{question.excerpt}</p>
                    <p className="forum-item__meta">
                      <AuthorLabel author={question.author} /> · {question.sectionTitle} · ответов:{' '}
                      {question.answers} ·{' '}
                      <ForumTime at={question.lastActivityAt} timeZone={timeZone} />
                    </p>
                  </li>
                ))}
              </ul>
              <Pagination
                page={page}
                totalPages={questions.data.totalPages}
                totalItems={questions.data.totalItems}
                onPageChange={(next) => update({ page: next > 1 ? String(next) : null })}
                label="Страницы вопросов"
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function NewSectionForm({ campaignId }: { campaignId?: number }) {
  const [title, setTitle] = useState('');
  const [delegated, setDelegated] = useState(false);
  const create = useCreateSection();
  const id = useId();
  return (
    <form
      className="form-stack forum-new-section"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ campaignId, title, delegated }, { onSuccess: () => setTitle('') });
      }}
    >
      <div className="field">
        <label htmlFor={id}>Новый раздел</label>
        <input
          id={id}
          className="input"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={delegated}
          onChange={(e) => setDelegated(e.target.checked)}
        />
        Регионы отвечают на вопросы своего региона
      </label>
      <button
        type="submit"
        className="button button--secondary button--small"
        disabled={!title.trim() || create.isPending}
      >
        Добавить раздел
      </button>
      {create.isError && <p className="inline-error">{create.error.message}</p>}
    </form>
  );
}
