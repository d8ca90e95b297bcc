import '../../forms.css';

import { useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import type { Campaign, FormDefinition, FormDefinitionInput, FormSheet } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { problemErrors } from '@/utils/problem';

import { usePreviewFormTemplate, usePublishForm } from '../../api/design-form';
import { blankSheet, cleanDraft, describeChanges, draftOf, blankForm } from '../../utils/designer';
import { designerProblems } from '../../utils/designer-problems';
import { DefinitionVersions } from './definition-versions';
import { DesignerAbout } from './designer-about';
import { FormPreview } from './form-preview';
import { PrefillPanel } from './prefill-panel';
import { SheetEditor } from './sheet-editor';

type FormDesignerProps = {
  campaignId: number;
  campaignTitle: string;
  /** The campaign's kind: which kinds of organization a form may be for. */
  campaignKind: Campaign['kind'];
  subjects: { key: string; name: string }[];
  /** The published form whose next version is designed; none for a new form. */
  form?: FormDefinition;
  /** A region designs its own form (seed 003 11.4/12): only its region fills it. */
  regional?: boolean;
  /** Whose local time the versions' times are shown in: the designer's region's. */
  timeZone: string;
};

/**
 * The version just published, carried in the router's state to the form's own address: the
 * designer is drawn anew there (and for each next version), and the author must still read that
 * the version went out.
 */
type DesignerState = { published?: number } | null;

const publishedIn = (state: unknown): number | undefined => {
  const published = (state as DesignerState)?.published;
  return typeof published === 'number' ? published : undefined;
};

/**
 * «Конструктор формы» (issue 19): the federal organizer (or a region, its own form) lays out a
 * form's sheets, columns (type, required, unique, range, pattern, options), row rules and
 * pre-filling, tries the web form in the respondents' own grid, downloads the Excel template it
 * would get — all before publishing. A published form gets a new version; before it goes out the
 * page says what changes, and the server refuses what responses already saved would not survive.
 * Below: the rows pre-filled per organization, and the versions published so far.
 */
export function FormDesigner({
  campaignId,
  campaignTitle,
  campaignKind,
  subjects,
  form,
  regional = false,
  timeZone,
}: FormDesignerProps) {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const [draft, setDraft] = useState<FormDefinitionInput>(() =>
    form ? draftOf(form) : blankForm(),
  );
  const [sheetIndex, setSheetIndex] = useState(0);
  const publish = usePublishForm(async (saved) => {
    setDraft(draftOf(saved));
    await navigate(paths.forms.design.getHref(saved.id), {
      replace: true,
      state: { published: saved.version } satisfies DesignerState,
    });
  });
  const template = usePreviewFormTemplate();
  const set = (patch: Partial<FormDefinitionInput>) => setDraft((d) => ({ ...d, ...patch }));
  const sheets = draft.sheets;
  const sheet = sheets[Math.min(sheetIndex, sheets.length - 1)]!;
  const setSheet = (next: FormSheet) =>
    set({ sheets: sheets.map((s) => (s.key === sheet.key ? next : s)) });
  const error = publish.error ?? template.error;
  const problems = designerProblems(
    problemErrors(error),
    draft,
    error instanceof Error ? error.message : undefined,
  );
  const changes = form ? describeChanges(form, cleanDraft(draft)) : [];
  const missingTitle = draft.title.trim() === '' || draft.code.trim() === '';
  const published = publish.data?.version ?? publishedIn(location.state);

  const onPublish = () => {
    template.reset();
    publish.mutate({ campaignId, formId: form?.id, input: cleanDraft(draft) });
  };
  const onTemplate = () => {
    publish.reset();
    template.mutate(
      { campaignId, input: cleanDraft(draft) },
      { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
    );
  };

  return (
    <article className="designer" data-testid="form-designer">
      <Breadcrumbs
        items={[
          { label: 'Кампании', to: paths.campaigns.list.getHref() },
          { label: campaignTitle, to: paths.campaigns.campaign.getHref(campaignId) },
          { label: form ? form.title : 'Новая форма' },
        ]}
      />
      <PageHeader
        title={form ? `Форма «${form.title}»` : 'Новая форма'}
        subtitle={
          form
            ? `Опубликована версия ${form.version}; изменения выйдут версией ${form.version + 1}`
            : 'Конструктор формы сбора данных'
        }
      />
      {published !== undefined && (
        <p className="alert alert--success" role="status" data-testid="designer-published">
          Опубликована версия {published}.
        </p>
      )}
      <DesignerAbout
        draft={draft}
        onChange={set}
        subjects={subjects}
        campaignKind={campaignKind}
        regional={regional}
      />

      <section className="panel" aria-labelledby={`${id}-sheets`}>
        <h2 id={`${id}-sheets`}>Листы и столбцы</h2>
        <div className="tabs tabs--sheets" role="tablist" aria-label="Листы формы">
          {sheets.map((candidate, index) => (
            <button
              key={candidate.key}
              type="button"
              role="tab"
              aria-selected={candidate.key === sheet.key}
              className="tabs__tab"
              onClick={() => setSheetIndex(index)}
            >
              {candidate.title || `Лист ${index + 1}`}
            </button>
          ))}
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={sheets.length >= 20}
            onClick={() => {
              set({ sheets: [...sheets, blankSheet(sheets.map((s) => s.key))] });
              setSheetIndex(sheets.length);
            }}
            data-testid="designer-add-sheet"
          >
            + Лист
          </button>
        </div>
        <SheetEditor
          key={sheet.key}
          sheet={sheet}
          hasSubject={Boolean(draft.subjectKey)}
          columnProblems={(column) => problems.columns(sheet.key, column)}
          onChange={setSheet}
        />
        {sheets.length > 1 && (
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => {
              set({ sheets: sheets.filter((s) => s.key !== sheet.key) });
              setSheetIndex(0);
            }}
          >
            Удалить лист «{sheet.title}»
          </button>
        )}
      </section>

      <section className="panel" aria-labelledby={`${id}-preview`}>
        <h2 id={`${id}-preview`}>Предпросмотр веб-формы</h2>
        <FormPreview sheets={sheets} />
      </section>

      <section className="panel designer-publish" aria-labelledby={`${id}-publish`}>
        <h2 id={`${id}-publish`}>{form ? `Версия ${form.version + 1}` : 'Публикация'}</h2>
        {form && (
          <div data-testid="designer-changes">
            {changes.length === 0 ? (
              <p className="field__hint">Изменений пока нет.</p>
            ) : (
              <>
                <p>Что изменится:</p>
                <ul>
                  {changes.map((change) => (
                    <li key={change}>{change}</li>
                  ))}
                </ul>
                <p className="field__hint">
                  Если форму уже начали заполнять, опубликовать можно только то, что сохранённые
                  ответы выдержат: новые листы и необязательные столбцы, новые варианты, более
                  широкие границы, названия и подсказки.
                </p>
              </>
            )}
          </div>
        )}
        {problems.general.length > 0 && (
          <div className="alert alert--error" role="alert" data-testid="designer-problems">
            <p className="alert__title">
              {publish.isError ? 'Форма не опубликована' : 'Шаблон не сформирован'}
            </p>
            <ul>
              {problems.general.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        {missingTitle && (
          <p className="field__hint">Чтобы опубликовать форму, дайте ей название и код.</p>
        )}
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={template.isPending || missingTitle}
            onClick={onTemplate}
            data-testid="designer-template"
          >
            {template.isPending ? 'Формируем шаблон…' : 'Скачать шаблон Excel (образец)'}
          </button>
          <button
            type="button"
            className="button"
            disabled={
              publish.isPending || missingTitle || (form !== undefined && changes.length === 0)
            }
            onClick={onPublish}
            data-testid="designer-publish"
          >
            {publish.isPending
              ? 'Публикуем…'
              : form
                ? `Опубликовать версию ${form.version + 1}`
                : 'Опубликовать форму'}
          </button>
        </div>
      </section>

      {form && form.sheets.some((candidate) => candidate.prefill === 'STORED') && (
        <section className="panel" aria-labelledby={`${id}-prefill`}>
          <h2 id={`${id}-prefill`}>Предзаполненные строки</h2>
          <PrefillPanel form={form} />
        </section>
      )}

      {form && (
        <section className="panel" aria-labelledby={`${id}-versions`}>
          <h2 id={`${id}-versions`}>Версии формы</h2>
          <DefinitionVersions formId={form.id} timeZone={timeZone} />
        </section>
      )}
    </article>
  );
}
