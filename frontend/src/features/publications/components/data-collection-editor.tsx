import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type {
  Campaign,
  DataCollection,
  DataCollectionInput,
  DataCollectionKind,
  Publication,
} from '@/types/api';

import { useCampaignForms } from '../api/get-campaign-forms';
import { useSetDataCollection } from '../api/set-data-collection';
import { dataCollectionLabels } from '../utils/labels';

type Choice = '' | DataCollectionKind;

/** The tool a campaign of this kind has: protocol 1 in an ОМК, the codes protocol in a ВПР. */
const toolsOf = (campaign: Campaign | undefined): DataCollectionKind[] =>
  campaign?.kind === 'OMK' ? ['PROTOCOL1'] : campaign?.kind === 'VPR' ? ['CODES_PROTOCOL'] : [];

/** «Форма «…»», «Протокол проведения с кодами: Математика, 4 класс», or «ничего». */
function describeDataCollection(
  block: DataCollection | undefined,
  campaign: Campaign | undefined,
): string {
  if (!block) return 'ничего';
  if (block.kind === 'FORM') return `форма «${block.formTitle ?? block.formId}»`;
  const subject = campaign?.subjects.find((item) => item.key === block.subjectKey);
  const subjectName = subject
    ? `${subject.name}${subject.grade ? `, ${subject.grade} класс` : ''}`
    : (block.subjectKey ?? 'все предметы');
  return `${dataCollectionLabels[block.kind]}: ${subjectName}`;
}

/**
 * The author's «Сбор данных» of a publication (issue 20; seed 001 «откройте публикацию … блок
 * „Сбор данных“»): nothing, a form of the campaign, or the tool of the campaign's kind for one
 * subject or all. Readers reach the chosen form from the released publication.
 */
export function DataCollectionEditor({
  publication,
  campaign,
}: {
  publication: Publication;
  campaign: Campaign | undefined;
}) {
  const id = useId();
  const current = publication.dataCollection;
  const [kind, setKind] = useState<Choice>(current?.kind ?? '');
  const [formId, setFormId] = useState(current?.formId ? String(current.formId) : '');
  const [subjectKey, setSubjectKey] = useState(current?.subjectKey ?? '');
  const [touched, setTouched] = useState(false);
  const forms = useCampaignForms({
    campaignId: publication.campaignId,
    queryConfig: { enabled: kind === 'FORM' },
  });
  const save = useSetDataCollection();
  const problem = kind === 'FORM' && formId === '' ? 'Выберите форму.' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem || save.isPending) return;
    let input: DataCollectionInput | null = null;
    if (kind === 'FORM') input = { kind, formId: Number(formId) };
    else if (kind !== '') input = subjectKey ? { kind, subjectKey } : { kind };
    save.mutate({ publicationId: publication.id, input });
  };

  return (
    <form
      className="panel form-stack"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="data-collection-editor"
    >
      <h2 id={`${id}-title`} className="panel__title">
        Сбор данных
      </h2>
      <p className="field__hint">
        Что получатели откроют из публикации в блоке «Сбор данных»: форму кампании или протокол.
        Изменить можно и после выпуска.
      </p>
      <p data-testid="data-collection-current">
        Сейчас: <strong>{describeDataCollection(current, campaign)}</strong>
      </p>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Что вложить</label>
        <select
          id={`${id}-kind`}
          className="input"
          value={kind}
          onChange={(event) => setKind(event.target.value as Choice)}
        >
          <option value="">Ничего</option>
          <option value="FORM">{dataCollectionLabels.FORM}</option>
          {toolsOf(campaign).map((tool) => (
            <option key={tool} value={tool}>
              {dataCollectionLabels[tool]}
            </option>
          ))}
        </select>
      </div>
      {kind === 'FORM' && (
        <div className="field">
          <label htmlFor={`${id}-form`}>Форма</label>
          {forms.isPending ? (
            <Loading label="Загрузка форм кампании…" />
          ) : forms.isError ? (
            <ErrorMessage error={forms.error} onRetry={() => void forms.refetch()} />
          ) : (
            <select
              id={`${id}-form`}
              className="input"
              value={formId}
              onChange={(event) => setFormId(event.target.value)}
            >
              <option value="">Выберите форму</option>
              {forms.data.map((form) => (
                <option key={form.id} value={form.id}>
                  {form.title}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      {kind !== '' && kind !== 'FORM' && campaign && campaign.subjects.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-subject`}>Предмет</label>
          <select
            id={`${id}-subject`}
            className="input"
            value={subjectKey}
            onChange={(event) => setSubjectKey(event.target.value)}
          >
            <option value="">Все предметы</option>
            {campaign.subjects.map((subject) => (
              <option key={subject.key} value={subject.key}>
                {subject.name}
                {subject.grade ? `, ${subject.grade} класс` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {touched && problem && (
        <div className="alert alert--error" role="alert">
          <p className="alert__text">{problem}</p>
        </div>
      )}
      {save.isError && <ErrorMessage error={save.error} title="«Сбор данных» не сохранён" />}
      {save.isSuccess && (
        <p role="status" className="field__hint" data-testid="data-collection-saved">
          Сохранено: {describeDataCollection(save.data.dataCollection, campaign)}.
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Сохраняем…' : 'Сохранить «Сбор данных»'}
        </button>
      </div>
    </form>
  );
}
