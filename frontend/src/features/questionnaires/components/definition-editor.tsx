import '../questionnaires.css';

import { useState } from 'react';
import { Link, useNavigate } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import type { Campaign, ParticipantCategory, Questionnaire } from '@/types/api';
import { problemErrors, statusOf } from '@/utils/problem';

import { useCreateQuestionnaire } from '../api/create-questionnaire';
import { useQuestionnaire } from '../api/get-questionnaire';
import { useUpdateQuestionnaire } from '../api/update-questionnaire';
import { CATEGORIES, categoryLabels, isCategory, questionTypeLabels } from '../utils/labels';
import { contentText, parseContent, TEMPLATE_CONTENT } from '../utils/parse-content';
import { DefinitionContent } from './definition-content';

const crumbsOf = (campaign: Campaign) => [
  { label: 'Кампании', to: paths.campaigns.list.getHref() },
  { label: campaign.title, to: paths.campaigns.campaign.getHref(campaign.id) },
  { label: 'Анкеты', to: paths.questionnaires.definitions.getHref(campaign.id) },
];

/** «Составить анкету»: the first version of a category's questionnaire. */
export function CreateDefinitionPage({
  campaign,
  category,
}: {
  campaign: Campaign;
  category?: ParticipantCategory;
}) {
  const navigate = useNavigate();
  const create = useCreateQuestionnaire();
  return (
    <>
      <Breadcrumbs items={[...crumbsOf(campaign), { label: 'Новая анкета' }]} />
      <PageHeader title="Новая анкета" subtitle={campaign.title} />
      <DefinitionEditor
        campaign={campaign}
        initialCategory={category ?? 'TEACHER'}
        initialTitle=""
        initialText={contentText(TEMPLATE_CONTENT)}
        pending={create.isPending}
        error={create.error}
        onSave={({ title, category: chosen, content }) =>
          create.mutate(
            { campaignId: campaign.id, input: { category: chosen, title, content } },
            {
              onSuccess: (created) =>
                void navigate(paths.questionnaires.definition.getHref(campaign.id, created.id)),
            },
          )
        }
      />
    </>
  );
}

/** «Новая версия»: the current version's text to change and publish as the next one. */
export function EditDefinitionPage({
  campaign,
  questionnaireId,
}: {
  campaign: Campaign;
  questionnaireId: number;
}) {
  const navigate = useNavigate();
  const current = useQuestionnaire({ questionnaireId });
  const update = useUpdateQuestionnaire();
  if (current.isPending) return <Loading label="Загрузка анкеты…" />;
  if (current.isError) {
    return (
      <>
        <Breadcrumbs items={[...crumbsOf(campaign), { label: 'Новая версия' }]} />
        <ErrorMessage
          error={current.error}
          title="Не удалось загрузить анкету"
          onRetry={() => void current.refetch()}
        />
      </>
    );
  }
  const data: Questionnaire = current.data;
  return (
    <>
      <Breadcrumbs items={[...crumbsOf(campaign), { label: `${data.title}: новая версия` }]} />
      <PageHeader
        title={`Новая версия анкеты: ${categoryLabels[data.category]}`}
        subtitle={`Сейчас действует версия ${data.version}. Участники, уже начавшие анкету, дозаполнят свою версию; новые получат эту.`}
      />
      <DefinitionEditor
        // A fresh read (after a 409) starts the editor again from what is stored now.
        key={data.version}
        campaign={campaign}
        initialTitle={data.title}
        initialText={contentText(data.content)}
        pending={update.isPending}
        error={update.error}
        onReload={() => {
          update.reset();
          void current.refetch();
        }}
        onSave={({ title, content }) =>
          update.mutate(
            {
              questionnaireId: data.id,
              input: { expectedVersion: data.version, title, content },
            },
            {
              onSuccess: (saved) =>
                void navigate(paths.questionnaires.definition.getHref(campaign.id, saved.id)),
            },
          )
        }
      />
    </>
  );
}

type Draft = {
  title: string;
  category: ParticipantCategory;
  content: Questionnaire['content'];
};

type DefinitionEditorProps = {
  campaign: Campaign;
  /** Given when creating: the category is chosen here; an update keeps its category. */
  initialCategory?: ParticipantCategory;
  initialTitle: string;
  initialText: string;
  pending: boolean;
  error: Error | null;
  onSave: (draft: Draft) => void;
  /** After a 409 on an update: read the current version again. */
  onReload?: () => void;
};

function DefinitionEditor({
  campaign,
  initialCategory,
  initialTitle,
  initialText,
  pending,
  error,
  onSave,
  onReload,
}: DefinitionEditorProps) {
  const [title, setTitle] = useState(initialTitle);
  const [category, setCategory] = useState<ParticipantCategory>(initialCategory ?? 'TEACHER');
  const [text, setText] = useState(initialText);
  const [localError, setLocalError] = useState<string>();
  const parsed = parseContent(text);
  const creating = initialCategory !== undefined;
  const errors = problemErrors(error);
  const status = statusOf(error);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setLocalError('Укажите название анкеты.');
      return;
    }
    if (!parsed.ok) {
      setLocalError(parsed.message);
      return;
    }
    setLocalError(undefined);
    onSave({ title: title.trim(), category, content: parsed.content });
  };

  return (
    <form className="form-stack" onSubmit={submit} noValidate aria-label="Анкета">
      {creating && (
        <div className="field">
          <label htmlFor="q-category">Категория участников</label>
          <select
            id="q-category"
            className="input"
            value={category}
            onChange={(event) => {
              if (isCategory(event.target.value)) setCategory(event.target.value);
            }}
          >
            {CATEGORIES.map((item) => (
              <option key={item} value={item}>
                {categoryLabels[item]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="q-title">Название анкеты</label>
        <input
          id="q-title"
          className="input"
          value={title}
          maxLength={300}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="q-content">Разделы и вопросы (JSON)</label>
        <p className="field__hint" id="q-content-hint">
          Текст в формате QuestionnaireContent: «intro» — вступление, «sections» — разделы с
          «questions». Типы вопросов:{' '}
          {Object.entries(questionTypeLabels)
            .map(([type, label]) => `${type} — ${label.toLowerCase()}`)
            .join('; ')}
          . Условие показа — «showIf»: {'{'} "question": ключ более раннего вопроса, "anyOf": [
          значения ] {'}'}.
        </p>
        <textarea
          id="q-content"
          className="input q-editor__json"
          aria-describedby="q-content-hint"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {localError && (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">Анкета не отправлена</p>
          <p className="alert__text">{localError}</p>
        </div>
      )}
      {error && status === 409 ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">
            {creating
              ? 'Анкета для этой категории уже есть'
              : 'Пока вы редактировали, анкету изменили'}
          </p>
          <p className="alert__text">{error.message}</p>
          {creating ? (
            <Link to={paths.questionnaires.definitions.getHref(campaign.id)}>
              К списку анкет — откройте её и выпустите новую версию
            </Link>
          ) : (
            onReload && (
              <>
                <p className="alert__text">
                  Загрузите текущую версию и внесите изменения заново. Ваш текст будет заменён —
                  скопируйте его, если он нужен.
                </p>
                <button type="button" className="button button--secondary" onClick={onReload}>
                  Загрузить текущую версию
                </button>
              </>
            )
          )}
        </div>
      ) : error ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">
            {status === 422 || errors.length > 0
              ? 'Сервер не принял анкету: исправьте ошибки'
              : 'Не удалось сохранить анкету'}
          </p>
          <p className="alert__text">{error.message}</p>
          {errors.length > 0 && (
            <ul className="q-errors" data-testid="definition-errors">
              {errors.map((item, index) => (
                <li key={index}>
                  {item.field && <code>{item.field}</code>}
                  {item.field && ' — '}
                  {item.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div className="q-links">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Сохраняем…' : creating ? 'Создать анкету' : 'Опубликовать новую версию'}
        </button>
        <Link
          className="button button--secondary"
          to={paths.questionnaires.definitions.getHref(campaign.id)}
        >
          Отмена
        </Link>
      </div>
      <details className="panel">
        <summary>Как анкета будет выглядеть (по тексту выше)</summary>
        {parsed.ok ? <DefinitionContent content={parsed.content} /> : <p>{parsed.message}</p>}
      </details>
    </form>
  );
}
