import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Me, OrganizationKind } from '@/types/api';
import { saveBlob } from '@/utils/download';
import { formatKilobytes } from '@/utils/format';
import { kindLabels, organizationKinds } from '@/utils/labels';

import { useRegionChoices } from '@/lib/region-choices';
import { useIssueCredentials } from '../api/issue-credentials';

export const REPLACE_WARNING =
  'Новые пароли заменят прежние: организации с выданными ранее паролями не смогут войти со ' +
  'старыми. Файл можно скачать только один раз — сохраните его.';

/**
 * Issues logins and passwords for a region's organizations and downloads the list. The federal
 * organizer picks the region; a regional coordinator issues for its own.
 */
export function CredentialsIssueForm({ account }: { account: Me }) {
  const federal = account.role === 'FEDERAL';
  const [chosenRegion, setChosenRegion] = useState('');
  const regionCode = federal ? chosenRegion : (account.regionCode ?? '');
  const [kinds, setKinds] = useState<OrganizationKind[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [saved, setSaved] = useState<{ fileName: string; size: number }>();
  const issue = useIssueCredentials();

  const id = useId();
  const canIssue = regionCode !== '' && confirmed && !issue.isPending;

  const toggleKind = (kind: OrganizationKind, on: boolean) =>
    setKinds((current) =>
      on
        ? organizationKinds.filter((k) => k === kind || current.includes(k))
        : current.filter((k) => k !== kind),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canIssue) return;
    setSaved(undefined);
    issue.mutate(
      { regionCode, kinds },
      {
        onSuccess: (blob) => {
          const fileName = `credentials-${regionCode}.xlsx`;
          saveBlob(blob, fileName);
          setSaved({ fileName, size: blob.size });
          // The file is out: another click would replace these passwords as well.
          setConfirmed(false);
        },
      },
    );
  };

  return (
    <form className="panel issue-form" onSubmit={submit} data-testid="credentials-form">
      <div className="field">
        <label htmlFor={`${id}-region`}>Регион</label>
        {federal ? (
          <RegionSelect id={`${id}-region`} value={chosenRegion} onChange={setChosenRegion} />
        ) : (
          <input
            id={`${id}-region`}
            className="input"
            value={regionCode}
            readOnly
            data-testid="credentials-region"
          />
        )}
      </div>

      <fieldset className="checkboxes">
        <legend>Типы организаций</legend>
        <p className="field__hint">Не выбрано ни одного — пароли получат организации всех типов.</p>
        {organizationKinds.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(event) => toggleKind(kind, event.target.checked)}
            />
            {kindLabels[kind]}
          </label>
        ))}
      </fieldset>

      <div className="alert alert--warning" data-testid="credentials-warning">
        <p className="alert__title">Внимание</p>
        <p className="alert__text">{REPLACE_WARNING}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
          />
          Понимаю: прежние пароли перестанут действовать
        </label>
      </div>

      <div>
        <button type="submit" className="button" disabled={!canIssue}>
          Выдать и скачать
        </button>
      </div>

      {issue.isPending && <Loading label="Выдаём пароли…" />}
      {issue.isError && (
        <ErrorMessage error={issue.error} title="Не удалось выдать логины и пароли" />
      )}
      {saved && !issue.isPending && (
        <p className="alert alert--info" role="status" data-testid="credentials-saved">
          Файл сохранён: {formatKilobytes(saved.size)} КБ ({saved.fileName})
        </p>
      )}
    </form>
  );
}

type RegionSelectProps = { id: string; value: string; onChange: (regionCode: string) => void };

function RegionSelect({ id, value, onChange }: RegionSelectProps) {
  const regions = useRegionChoices();
  if (regions.isPending) return <Loading label="Загрузка регионов…" />;
  if (regions.isError) {
    return <ErrorMessage error={regions.error} onRetry={() => void regions.refetch()} />;
  }
  return (
    <select
      id={id}
      className="input"
      value={value}
      data-testid="credentials-region"
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">Выберите регион</option>
      {regions.data.items.map((region) => (
        <option key={region.code} value={region.code}>
          {region.code} — {region.name}
        </option>
      ))}
    </select>
  );
}
