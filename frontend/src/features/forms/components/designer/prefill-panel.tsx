import { useId, useState } from 'react';

import type { FormDefinition } from '@/types/api';
import { plural } from '@/utils/format';
import { problemErrors } from '@/utils/problem';

import { useSetFormPrefill } from '../../api/set-form-prefill';
import { prefillFromPaste } from '../../utils/prefill';

/**
 * «Предзаполненные строки» of a published form's STORED sheets (the kit numbers of a point, a
 * school's classes): the organizer pastes rows from Excel — the organization's login first, then
 * the sheet's columns — and they replace those organizations' rows, all or none; every refused
 * line is named.
 */
export function PrefillPanel({ form }: { form: FormDefinition }) {
  const id = useId();
  const sheets = form.sheets.filter((sheet) => sheet.prefill === 'STORED');
  const [sheetKey, setSheetKey] = useState(sheets[0]?.key ?? '');
  const [text, setText] = useState('');
  const save = useSetFormPrefill();
  const sheet = sheets.find((candidate) => candidate.key === sheetKey) ?? sheets[0];
  if (!sheet) return null;
  const parsed = prefillFromPaste(text, sheet);
  const problems = problemErrors(save.error);

  return (
    <div className="form-stack" data-testid="designer-prefill">
      {sheets.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-sheet`}>Лист</label>
          <select
            id={`${id}-sheet`}
            className="input"
            value={sheet.key}
            onChange={(e) => setSheetKey(e.target.value)}
          >
            {sheets.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {candidate.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-rows`}>Строки листа «{sheet.title}», вставленные из Excel</label>
        <textarea
          id={`${id}-rows`}
          className="input"
          rows={6}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            save.reset();
          }}
          data-testid="designer-prefill-rows"
        />
        <p className="field__hint">
          Столбцы по порядку: логин организации,{' '}
          {sheet.columns.map((column) => `«${column.title}»`).join(', ')}. Строки организации
          заменят прежние строки только этой организации.
        </p>
      </div>
      {save.isSuccess && (
        <p className="alert alert--success" role="status" data-testid="designer-prefill-saved">
          Сохранено: {save.data.rows} {plural(save.data.rows, ['строка', 'строки', 'строк'])} для{' '}
          {save.data.organizations}{' '}
          {plural(save.data.organizations, ['организации', 'организаций', 'организаций'])}.
        </p>
      )}
      {save.isError && (
        <div className="alert alert--error" role="alert" data-testid="designer-prefill-problems">
          <p className="alert__title">{save.error.message}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.field}-${problem.message}`}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={save.isPending || parsed.organizations.length === 0}
          onClick={() =>
            save.mutate({
              formId: form.id,
              input: { sheet: sheet.key, organizations: parsed.organizations },
            })
          }
          data-testid="designer-prefill-save"
        >
          {save.isPending
            ? 'Сохраняем…'
            : parsed.organizations.length === 0
              ? 'Сохранить строки'
              : `Сохранить ${parsed.rows} ${plural(parsed.rows, ['строку', 'строки', 'строк'])} для ${parsed.organizations.length} ${plural(parsed.organizations.length, ['организации', 'организаций', 'организаций'])}`}
        </button>
      </div>
    </div>
  );
}
