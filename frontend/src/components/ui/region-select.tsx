import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { useRegionChoices } from '@/lib/region-choices';

type RegionSelectProps = {
  id: string;
  value: string | undefined;
  onChange: (regionCode: string) => void;
  /** The field's label; without it the caller draws the field and its label around the list. */
  label?: string;
  required?: boolean;
  testId?: string;
};

/**
 * A choice of one region among all of the federation («64 — Саратовская область»), for the
 * federal organizer; the regions load once for every picker (`useRegionChoices`).
 */
export function RegionSelect({ id, value, onChange, label, required, testId }: RegionSelectProps) {
  const regions = useRegionChoices();
  if (regions.isPending) return <Loading label="Загрузка регионов…" />;
  if (regions.isError) {
    return <ErrorMessage error={regions.error} onRetry={() => void regions.refetch()} />;
  }
  const select = (
    <select
      id={id}
      className="input"
      value={value ?? ''}
      required={required}
      data-testid={testId}
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
  if (label === undefined) return select;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {select}
    </div>
  );
}
