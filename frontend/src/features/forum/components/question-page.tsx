import '../forum.css';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import type { ForumAttachment, ForumQuestion } from '@/types/api';

import { useAnswerQuestion } from '../api/answer-question';
import { useQuestion } from '../api/get-question';
import { useAcceptAnswer, useHideAnswer, useModerateQuestion } from '../api/moderate';
import { AttachmentLinks } from './attachment-links';
import { AttachmentsField } from './attachments-field';
import { AuthorLabel } from './author-label';
import { ForumTime } from './forum-time';
import { QuestionStatusChip } from './status-chip';

/** A question with its answers; text is always shown as text, never as HTML. */
export function QuestionPage({ questionId }: { questionId: number }) {
  const question = useQuestion(questionId);
  if (question.isPending) return <Loading />;
  if (question.isError)
    return <ErrorMessage error={question.error} onRetry={() => void question.refetch()} />;
  const q = question.data;
  return (
    <article className="forum-question" data-testid="forum-question">
      <PageHeader title={q.title} subtitle={<span>{q.sectionTitle}</span>}>
        <p className="breadcrumbs">
          <Link to={paths.forum.list.getHref(q.campaignId)}>← Форум поддержки</Link>
        </p>
      </PageHeader>
      <section className="panel">
        <p className="forum-item__title">
          <QuestionStatusChip status={q.status} />
          {q.pinned && <span className="chip chip--kind">FAQ</span>}
          {q.regionalThread && <span className="chip">Вопрос региону {q.regionalThread}</span>}
          {q.locked && <span className="chip chip--closed">Тема закрыта</span>}
          {q.hidden && <span className="chip chip--withdrawn">Скрыт модератором</span>}
        </p>
        {q.mergedIntoId && (
          <div className="alert alert--info">
            <p className="alert__text">
              Вопрос объединён с другим:{' '}
              <Link to={paths.forum.question.getHref(q.mergedIntoId)}>перейти к вопросу</Link>
            </p>
          </div>
        )}
        <p className="forum-text" data-testid="forum-question-body">
          {q.body}
        </p>
        <AttachmentLinks files={q.attachments} />
        <p className="forum-item__meta">
          <AuthorLabel author={q.author} /> · <ForumTime at={q.createdAt} />
        </p>
        {q.canModerate && <Moderation question={q} />}
      </section>

      <section className="panel" aria-label="Ответы">
        <h2 className="panel__title">Ответы ({q.answers.length})</h2>
        {q.answers.length === 0 ? (
          <p className="table__empty">Ответа пока нет.</p>
        ) : (
          <ul className="forum-answers" data-testid="forum-answers">
            {q.answers.map((a) => (
              <li
                key={a.id}
                className={`forum-answer${a.accepted ? ' forum-answer--accepted' : ''}`}
              >
                {a.accepted && <span className="chip chip--done">Принятый ответ</span>}
                {a.hidden && <span className="chip chip--withdrawn">Скрыт</span>}
                <p className="forum-text">{a.body}</p>
                <AttachmentLinks files={a.attachments} />
                <p className="forum-item__meta">
                  <AuthorLabel author={a.author} /> · <ForumTime at={a.createdAt} />
                </p>
                <AnswerActions
                  question={q}
                  answerId={a.id}
                  hidden={a.hidden}
                  accepted={a.accepted}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {q.canAnswer && <AnswerForm questionId={q.id} />}
    </article>
  );
}

function AnswerActions(props: {
  question: ForumQuestion;
  answerId: number;
  hidden: boolean;
  accepted: boolean;
}) {
  const hide = useHideAnswer();
  const accept = useAcceptAnswer();
  const { question, answerId } = props;
  return (
    <div className="actions">
      {question.canAccept && !props.accepted && !props.hidden && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => accept.mutate({ questionId: question.id, answerId })}
        >
          Ответ помог
        </button>
      )}
      {question.canModerate && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => hide.mutate({ answerId, hidden: !props.hidden })}
        >
          {props.hidden ? 'Показать' : 'Скрыть'}
        </button>
      )}
    </div>
  );
}

function Moderation({ question }: { question: ForumQuestion }) {
  const moderate = useModerateQuestion();
  const [title, setTitle] = useState(question.title);
  const id = useId();
  const change = (patch: {
    pinned?: boolean;
    locked?: boolean;
    hidden?: boolean;
    title?: string;
  }) => moderate.mutate({ questionId: question.id, ...patch });
  return (
    <div className="forum-moderation" data-testid="forum-moderation">
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => change({ pinned: !question.pinned })}
        >
          {question.pinned ? 'Убрать из FAQ' : 'Закрепить в FAQ'}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => change({ locked: !question.locked })}
        >
          {question.locked ? 'Открыть тему' : 'Закрыть тему'}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => change({ hidden: !question.hidden })}
        >
          {question.hidden ? 'Показать вопрос' : 'Скрыть вопрос'}
        </button>
      </div>
      <form
        className="input-with-button"
        onSubmit={(e) => {
          e.preventDefault();
          change({ title });
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          Заголовок
        </label>
        <input
          id={id}
          className="input"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" className="button button--secondary button--small">
          Изменить заголовок
        </button>
      </form>
      {moderate.isError && <p className="inline-error">{moderate.error.message}</p>}
    </div>
  );
}

function AnswerForm({ questionId }: { questionId: number }) {
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<ForumAttachment[]>([]);
  const answer = useAnswerQuestion();
  const id = useId();
  return (
    <section className="panel">
      <form
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          answer.mutate(
            { questionId, body, attachmentIds: files.map((f) => f.id) },
            {
              onSuccess: () => {
                setBody('');
                setFiles([]);
              },
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor={id}>Ваш ответ</label>
          <textarea
            id={id}
            className="input forum-textarea"
            value={body}
            maxLength={10000}
            rows={6}
            data-testid="forum-answer-body"
            onChange={(e) => setBody(e.target.value)}
          />
        </div>
        <AttachmentsField files={files} onChange={setFiles} />
        <button
          type="submit"
          className="button"
          disabled={!body.trim() || answer.isPending}
          data-testid="forum-answer-submit"
        >
          Ответить
        </button>
        {answer.isError && (
          <p className="inline-error" role="alert">
            {answer.error.message}
          </p>
        )}
      </form>
    </section>
  );
}
