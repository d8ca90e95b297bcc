import '../forum.css';
import { useDeferredValue, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import type { ForumAttachment, Role } from '@/types/api';

import { useAskQuestion } from '../api/ask-question';
import { useSections } from '../api/get-sections';
import { useForumSearch } from '../api/search-forum';
import { AttachmentsField } from './attachments-field';

type Props = { campaignId?: number; sectionId?: number; role: Role };

/**
 * The question form: as the title is typed, answered questions like it are suggested (full-text
 * and typo-tolerant search), so the answer may already be there.
 */
export function AskForm({ campaignId, sectionId, role }: Props) {
  const sections = useSections(campaignId);
  const [section, setSection] = useState<number | undefined>(sectionId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [regional, setRegional] = useState(false);
  const [files, setFiles] = useState<ForumAttachment[]>([]);
  const words = useDeferredValue(`${title} ${body.slice(0, 120)}`.trim());
  const similar = useForumSearch({ q: words, campaignId, answeredOnly: true, size: 5 });
  const ask = useAskQuestion();
  const navigate = useNavigate();
  const id = useId();
  const chosen = section ?? sections.data?.[0]?.id;
  const mayAskRegion = role === 'MUNICIPAL' || role === 'RESPONSIBLE' || role === 'ORGANIZATION';

  if (sections.isPending) return <Loading />;
  if (sections.isError) return <ErrorMessage error={sections.error} />;
  if (sections.data.length === 0) {
    return <p className="table__empty">В этом форуме ещё нет разделов.</p>;
  }
  return (
    <div className="forum-ask">
      <form
        className="panel form-stack"
        data-testid="forum-ask-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) return;
          ask.mutate(
            { sectionId: chosen, title, body, regional, attachmentIds: files.map((f) => f.id) },
            { onSuccess: (q) => void navigate(paths.forum.question.getHref(q.id)) },
          );
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-section`}>Раздел</label>
          <select
            id={`${id}-section`}
            className="input"
            value={chosen}
            onChange={(e) => setSection(Number(e.target.value))}
          >
            {sections.data.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>Вопрос коротко</label>
          <input
            id={`${id}-title`}
            className="input"
            value={title}
            maxLength={200}
            data-testid="forum-ask-title"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>Подробно</label>
          <textarea
            id={`${id}-body`}
            className="input forum-textarea"
            rows={8}
            maxLength={10000}
            value={body}
            data-testid="forum-ask-body"
            onChange={(e) => setBody(e.target.value)}
          />
          <p className="field__hint">
            Текст показывается как есть; контакты не нужны — ответ придёт в уведомления.
          </p>
        </div>
        {mayAskRegion && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={regional}
              onChange={(e) => setRegional(e.target.checked)}
            />
            Вопрос региональному координатору (увидят только организаторы вашего региона)
          </label>
        )}
        <AttachmentsField files={files} onChange={setFiles} />
        <button
          type="submit"
          className="button"
          disabled={!title.trim() || !body.trim() || ask.isPending}
          data-testid="forum-ask-submit"
        >
          Задать вопрос
        </button>
        {ask.isError && (
          <p className="inline-error" role="alert">
            {ask.error.message}
          </p>
        )}
      </form>
      <aside
        className="panel forum-similar"
        aria-label="Похожие вопросы"
        data-testid="forum-similar"
      >
        <h2 className="panel__title">Похожие вопросы с ответами</h2>
        {words.length < 2 ? (
          <p className="field__hint">
            Начните писать вопрос — здесь появятся похожие, на которые уже ответили.
          </p>
        ) : similar.data && similar.data.items.length > 0 ? (
          <ul className="forum-list">
            {similar.data.items.map((hit) => (
              <li key={hit.questionId} className="forum-item">
                <Link to={paths.forum.question.getHref(hit.questionId)} target="_blank">
                  {hit.title}
                </Link>
                <p className="forum-item__excerpt">{hit.excerpt}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field__hint">Похожих вопросов с ответами не нашлось.</p>
        )}
      </aside>
    </div>
  );
}
