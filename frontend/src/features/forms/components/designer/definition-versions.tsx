import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { FormColumn, FormDefinition } from '@/types/api';
import { formatZonedDateTimeNamed } from '@/utils/format';

import { useDefinitionVersion, useDefinitionVersions } from '../../api/get-definition-versions';
import { columnTypeLabels } from '../../utils/designer';

type DefinitionVersionsProps = {
  formId: number;
  /** Whose local time the publication times are shown in (the designer's region's). */
  timeZone: string;
};

/**
 * «Версии формы» (issue 19, «versions kept»): every published version, newest first — who
 * published it, when (with the city whose time it is) and what changed from the one before; an
 * earlier version opens read-only, its sheets and columns as they were.
 */
export function DefinitionVersions({ formId, timeZone }: DefinitionVersionsProps) {
  const versions = useDefinitionVersions(formId);
  const [opened, setOpened] = useState<number>();
  if (versions.isPending) return <Loading label="Загрузка версий…" />;
  if (versions.isError) {
    return <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  return (
    <ol className="versions-list" data-testid="definition-versions" reversed>
      {versions.data.map((version) => (
        <li key={version.version} data-testid="definition-version">
          <p>
            <strong>Версия {version.version}</strong>
            {version.current && ' (действующая)'} — опубликовал(а){' '}
            {version.publishedByName
              ? `${version.publishedByName} (${version.publishedBy})`
              : version.publishedBy}{' '}
            {formatZonedDateTimeNamed(version.publishedAt, timeZone)}
          </p>
          {version.changes.length > 0 ? (
            <ul>
              {version.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          ) : (
            <p className="field__hint">
              {version.version === 1 ? 'Первая версия.' : 'Листы и столбцы не менялись.'}
            </p>
          )}
          {!version.current && (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-expanded={opened === version.version}
              onClick={() => setOpened(opened === version.version ? undefined : version.version)}
              data-testid="definition-version-open"
            >
              {opened === version.version ? 'Скрыть' : `Открыть версию ${version.version}`}
            </button>
          )}
          {opened === version.version && <EarlierVersion formId={formId} version={opened} />}
        </li>
      ))}
    </ol>
  );
}

/** An earlier version, read only: its title and each sheet's columns as they were published. */
function EarlierVersion({ formId, version }: { formId: number; version: number }) {
  const form = useDefinitionVersion(formId, version);
  if (form.isPending) return <Loading label="Загрузка версии…" />;
  if (form.isError) return <ErrorMessage error={form.error} onRetry={() => void form.refetch()} />;
  return <VersionSheets form={form.data} />;
}

function VersionSheets({ form }: { form: FormDefinition }) {
  return (
    <div className="designer-version" data-testid="definition-version-view">
      <p>
        «{form.title}», версия {form.version} — только для просмотра.
      </p>
      {form.sheets.map((sheet) => (
        <div key={sheet.key} className="table-wrap">
          <table className="table">
            <caption>Лист «{sheet.title}»</caption>
            <thead>
              <tr>
                <th scope="col">Столбец</th>
                <th scope="col">Тип</th>
                <th scope="col">Условия</th>
              </tr>
            </thead>
            <tbody>
              {sheet.columns.map((column) => (
                <tr key={column.key}>
                  <td>{column.title}</td>
                  <td>{columnTypeLabels[column.type]}</td>
                  <td>{conditions(column)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

/** «обязательный, от 1 до 500, варианты: …» — what a column asks of a value. */
function conditions(column: FormColumn): string {
  const parts: string[] = [];
  if (column.required) parts.push('обязательный');
  if (column.unique) parts.push('без повторов');
  if (column.readOnly) parts.push('только чтение');
  if (column.min !== undefined && column.max !== undefined) {
    parts.push(`от ${column.min} до ${column.max}`);
  } else if (column.min !== undefined) {
    parts.push(`не меньше ${column.min}`);
  } else if (column.max !== undefined) {
    parts.push(`не больше ${column.max}`);
  }
  if (column.options && column.options.length > 0) {
    parts.push(`варианты: ${column.options.join(', ')}`);
  }
  if (column.pattern) parts.push(`образец: ${column.patternHint ?? column.pattern}`);
  return parts.join('; ') || '—';
}
