import '../campaigns.css';

import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign, CampaignKind, CampaignSubject, ProblemError } from '@/types/api';
import { fieldMessages, problemErrors, statusOf } from '@/utils/problem';

import { useCreateCampaign } from '../api/create-campaign';
import { useUpdateCampaign } from '../api/update-campaign';
import { useRegionChoices } from '@/lib/region-choices';
import { campaignKindLabels, campaignKinds, vprSubjectPresets } from '../utils/labels';
import { FieldErrors } from './field-errors';

type SubjectRow = { key: string; name: string; grade: string; maxScore: string };

const emptyRow = (): SubjectRow => ({ key: '', name: '', grade: '', maxScore: '' });

/** "2025/2026" for a form opened in the spring of 2026 or the autumn of 2025. */
function currentAcademicYear(now = new Date()) {
  const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}/${start + 1}`;
}

const toSubject = (row: SubjectRow): CampaignSubject => ({
  key: row.key.trim(),
  name: row.name.trim(),
  grade: row.grade.trim() ? Number(row.grade) : undefined,
  maxScore: row.maxScore.trim() ? Number(row.maxScore) : undefined,
});

const toRow = (subject: CampaignSubject): SubjectRow => ({
  key: subject.key,
  name: subject.name,
  grade: subject.grade === undefined ? '' : String(subject.grade),
  maxScore: subject.maxScore === undefined ? '' : String(subject.maxScore),
});

type CampaignCreateFormProps = {
  onCreated: (campaign: Campaign) => void;
  onCancel: () => void;
  /** The campaign to change; without it the form creates a new one. */
  campaign?: Campaign;
  /** Reads the campaign again after someone else changed it (409). */
  onReload?: () => void;
};

/**
 * The federal organizer's form for a new campaign, or for changing one (pre-filled, sent with the
 * version read); the schedule is set on the campaign's page.
 */
export function CampaignCreateForm({
  onCreated,
  onCancel,
  campaign,
  onReload,
}: CampaignCreateFormProps) {
  const editing = campaign !== undefined;
  const [kind, setKind] = useState<CampaignKind>(campaign?.kind ?? 'VPR');
  const [title, setTitle] = useState(campaign?.title ?? '');
  const [academicYear, setAcademicYear] = useState(
    () => campaign?.academicYear ?? currentAcademicYear(),
  );
  const [subjects, setSubjects] = useState<SubjectRow[]>(() => campaign?.subjects.map(toRow) ?? []);
  const [regionCodes, setRegionCodes] = useState<string[]>(campaign?.regionCodes ?? []);
  const createMutation = useCreateCampaign();
  const updateMutation = useUpdateCampaign();
  const create = editing ? updateMutation : createMutation;
  const errors = problemErrors(create.error);
  const conflict = editing && statusOf(create.error) === 409;
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      kind,
      title: title.trim(),
      academicYear: academicYear.trim(),
      subjects: subjects.map(toSubject),
      regionCodes,
    };
    if (campaign) {
      updateMutation.mutate(
        { campaignId: campaign.id, input: { ...input, version: campaign.version } },
        { onSuccess: onCreated },
      );
    } else {
      createMutation.mutate(input, { onSuccess: onCreated });
    }
  };

  return (
    <form
      className="panel form-stack"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-testid="campaign-create-form"
    >
      <h2 id={`${id}-title`} className="panel__title">
        {editing ? 'Изменить кампанию' : 'Новая кампания'}
      </h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Вид</label>
          <select
            id={`${id}-kind`}
            className="input"
            value={kind}
            disabled={editing}
            onChange={(event) => setKind(event.target.value as CampaignKind)}
          >
            {campaignKinds.map((value) => (
              <option key={value} value={value}>
                {campaignKindLabels[value]}
              </option>
            ))}
          </select>
          <FieldErrors messages={fieldMessages(errors, 'kind')} />
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-name`}>Название</label>
          <input
            id={`${id}-name`}
            className="input"
            value={title}
            required
            minLength={3}
            maxLength={200}
            placeholder="Например, ВПР 2026, весна"
            onChange={(event) => setTitle(event.target.value)}
          />
          <FieldErrors messages={fieldMessages(errors, 'title')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>Учебный год</label>
          <input
            id={`${id}-year`}
            className="input input--year"
            value={academicYear}
            required
            pattern="[0-9]{4}/[0-9]{4}"
            placeholder="2025/2026"
            aria-describedby={`${id}-year-hint`}
            onChange={(event) => setAcademicYear(event.target.value)}
          />
          <small id={`${id}-year-hint`} className="field__hint">
            В виде 2025/2026
          </small>
          <FieldErrors messages={fieldMessages(errors, 'academicYear')} />
        </div>
      </div>

      <SubjectsEditor
        rows={subjects}
        onChange={setSubjects}
        errors={errors}
        showPresets={kind === 'VPR'}
      />

      <RegionsPicker value={regionCodes} onChange={setRegionCodes} />
      <FieldErrors messages={fieldMessages(errors, 'regionCodes')} />

      {conflict && (
        <div className="alert alert--error alert--big" role="alert" data-testid="campaign-conflict">
          <p className="alert__title">Кампанию изменили, пока вы её редактировали</p>
          <p className="alert__text">
            Ваши изменения не сохранены. Загрузите кампанию заново и внесите изменения ещё раз.
          </p>
          {onReload && (
            <div>
              <button type="button" className="button" onClick={onReload}>
                Загрузить заново
              </button>
            </div>
          )}
        </div>
      )}
      {create.isError && !conflict && (
        <ErrorMessage
          error={create.error}
          title={
            errors.length > 0
              ? `Кампания не ${editing ? 'изменена' : 'создана'}: исправьте отмеченные поля`
              : `Кампания не ${editing ? 'изменена' : 'создана'}`
          }
        />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {editing ? 'Сохранить изменения' : 'Создать кампанию'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
      {create.isPending && (
        <Loading label={editing ? 'Сохраняем кампанию…' : 'Создаём кампанию…'} />
      )}
    </form>
  );
}

type SubjectsEditorProps = {
  rows: SubjectRow[];
  onChange: (rows: SubjectRow[]) => void;
  errors: ProblemError[];
  showPresets: boolean;
};

function SubjectsEditor({ rows, onChange, errors, showPresets }: SubjectsEditorProps) {
  const id = useId();
  const update = (index: number, change: Partial<SubjectRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const togglePreset = (key: string, on: boolean) => {
    if (!on) {
      onChange(rows.filter((row) => row.key !== key));
      return;
    }
    const subject = vprSubjectPresets.find((p) => p.key === key);
    if (!subject || rows.some((row) => row.key === key)) return;
    const filled = { key, name: subject.name, grade: String(subject.grade), maxScore: '' };
    // Fill the first empty row rather than leave it behind.
    const blank = rows.findIndex((row) => !row.key && !row.name);
    onChange(blank >= 0 ? rows.map((row, i) => (i === blank ? filled : row)) : [...rows, filled]);
  };
  const grades = [...new Set(vprSubjectPresets.map((p) => p.grade))];

  return (
    <fieldset className="subjects" data-testid="subjects-editor">
      <legend>Предметы и классы</legend>
      {showPresets && (
        <fieldset className="subject-picker" data-testid="subject-picker">
          <legend>Предметы ВПР: отметьте — строка появится ниже, снимите отметку — исчезнет</legend>
          {grades.map((grade) => (
            <div key={grade} className="subject-picker__grade">
              <span className="subject-picker__label">{grade} класс</span>
              {vprSubjectPresets
                .filter((p) => p.grade === grade)
                .map((p) => (
                  <label key={p.key} className="checkbox">
                    <input
                      type="checkbox"
                      checked={rows.some((row) => row.key === p.key)}
                      onChange={(event) => togglePreset(p.key, event.target.checked)}
                    />
                    {p.name}, {p.grade} класс
                  </label>
                ))}
            </div>
          ))}
        </fieldset>
      )}
      {rows.length === 0 && <p className="field__hint">Предметы не добавлены.</p>}
      {rows.map((row, index) => (
        <div key={index} className="subject-row" data-testid="subject-row">
          <div className="field">
            <label htmlFor={`${id}-${index}-key`}>Код</label>
            <input
              id={`${id}-${index}-key`}
              className="input input--code"
              value={row.key}
              aria-describedby={`${id}-key-hint`}
              onChange={(event) => update(index, { key: event.target.value })}
            />
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-${index}-name`}>Предмет</label>
            <input
              id={`${id}-${index}-name`}
              className="input"
              value={row.name}
              onChange={(event) => update(index, { name: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${index}-grade`}>Класс</label>
            <input
              id={`${id}-${index}-grade`}
              className="input input--code"
              type="number"
              min={1}
              max={11}
              value={row.grade}
              onChange={(event) => update(index, { grade: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${index}-max`}>Макс. балл</label>
            <input
              id={`${id}-${index}-max`}
              className="input input--code"
              type="number"
              min={1}
              max={1000}
              value={row.maxScore}
              onChange={(event) => update(index, { maxScore: event.target.value })}
            />
          </div>
          <button
            type="button"
            className="button button--secondary"
            aria-label={`Удалить предмет ${index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            Удалить
          </button>
          <FieldErrors messages={fieldMessages(errors, `subjects[${index}]`)} />
        </div>
      ))}
      <div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange([...rows, emptyRow()])}
        >
          {showPresets ? '+ Другой предмет (ввести вручную)' : '+ Добавить предмет'}
        </button>
      </div>
      <small id={`${id}-key-hint`} className="field__hint">
        Код предмета — латиницей, например rus-4 или math (с классом через дефис, если он есть).
      </small>
      <FieldErrors messages={errors.filter((e) => e.field === 'subjects').map((e) => e.message)} />
    </fieldset>
  );
}

function RegionsPicker({
  value,
  onChange,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
}) {
  const regions = useRegionChoices();
  const [filter, setFilter] = useState('');
  const id = useId();
  if (regions.isPending) return <Loading label="Загрузка регионов…" />;
  if (regions.isError) {
    return <ErrorMessage error={regions.error} onRetry={() => void regions.refetch()} />;
  }
  const all = regions.data.items;
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? all.filter((r) => r.code.startsWith(needle) || r.name.toLowerCase().includes(needle))
    : all;
  const toggle = (code: string, on: boolean) =>
    onChange(
      on
        ? all.map((r) => r.code).filter((c) => c === code || value.includes(c))
        : value.filter((c) => c !== code),
    );
  return (
    <fieldset className="checkboxes regions-picker" data-testid="regions-picker">
      <legend>
        Регионы-участники <span className="field__hint">(выбрано: {value.length})</span>
      </legend>
      <div className="form-row">
        <div className="field field--grow">
          <label htmlFor={`${id}-filter`}>Найти регион</label>
          <input
            id={`${id}-filter`}
            type="search"
            className="input"
            value={filter}
            placeholder="Код или название"
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange(all.map((r) => r.code))}
          >
            Выбрать все
          </button>
          <button type="button" className="button button--secondary" onClick={() => onChange([])}>
            Снять все
          </button>
        </div>
      </div>
      <div className="regions-picker__list">
        {shown.map((region) => (
          <label key={region.code} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(region.code)}
              onChange={(event) => toggle(region.code, event.target.checked)}
            />
            {region.code} — {region.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
