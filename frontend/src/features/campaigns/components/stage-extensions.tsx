import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import type { Campaign } from '@/types/api';
import { formatZonedDateTime, timeZoneName } from '@/utils/format';

import { useStagesExtensions } from '../api/get-stage-extensions';

/** Every extension of every stage the account may see, grouped by stage. */
export function StageExtensions({ campaign }: { campaign: Campaign }) {
  const stages = campaign.stages;
  const results = useStagesExtensions(
    campaign.id,
    stages.map((stage) => stage.code),
  );
  const zone = campaign.timeZone;

  if (stages.length === 0) return <p className="field__hint">План-график ещё не задан.</p>;
  if (results.some((result) => result.isPending)) return <Loading label="Загрузка продлений…" />;
  const failed = results.find((result) => result.isError);
  if (failed) {
    return (
      <ErrorMessage
        error={failed.error}
        title="Не удалось загрузить продления"
        onRetry={() => results.forEach((result) => void result.refetch())}
      />
    );
  }
  const withExtensions = stages
    .map((stage, index) => ({ stage, items: results[index]?.data?.items ?? [] }))
    .filter(({ items }) => items.length > 0);
  if (withExtensions.length === 0) {
    return (
      <p className="field__hint" data-testid="extensions-empty">
        Продлений нет.
      </p>
    );
  }
  return (
    <div className="form-stack" data-testid="extensions">
      {withExtensions.map(({ stage, items }) => (
        <div key={stage.code}>
          <h3 className="subheading">{stage.name}</h3>
          <div className="table-wrap">
            <table className="table table--stack">
              <caption className="visually-hidden">Продления этапа «{stage.name}»</caption>
              <thead>
                <tr>
                  <th scope="col">Для кого</th>
                  <th scope="col">Продлён до ({timeZoneName(zone)})</th>
                  <th scope="col">Причина</th>
                  <th scope="col">Кто продлил</th>
                </tr>
              </thead>
              <tbody>
                {items.map((extension) => (
                  <tr key={extension.id} data-testid="extension-row">
                    <td data-label="Для кого">
                      {extension.organization
                        ? `${extension.organization.login} — ${extension.organization.name}`
                        : `Регион ${extension.regionCode ?? ''}`}
                    </td>
                    <td data-label="Продлён до" className="table__nowrap">
                      {formatZonedDateTime(extension.closesAt, zone)}
                    </td>
                    <td data-label="Причина">{extension.reason || '—'}</td>
                    <td data-label="Кто продлил" className="table__muted">
                      {extension.grantedBy}, {formatZonedDateTime(extension.grantedAt, zone)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </div>
  );
}
