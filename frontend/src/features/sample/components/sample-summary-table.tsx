import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';
import { formatNumber, formatZonedDateTime, timeZoneName } from '@/utils/format';

import { useSampleSummary } from '../api/get-sample-summary';
import { usePublishSample } from '../api/publish-sample';

type SampleSummaryTableProps = {
  campaignId: number;
  timeZone: string;
  canPublish: boolean;
};

/** Per region: proposed, selected, withdrawn, verified, and when the sample was published. */
export function SampleSummaryTable({ campaignId, timeZone, canPublish }: SampleSummaryTableProps) {
  const summary = useSampleSummary({ campaignId });
  const publish = usePublishSample();
  if (summary.isPending) return <Loading />;
  if (summary.isError) {
    return <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  const regions = summary.data.regions;
  return (
    <div className="form-stack">
      <div className="table-wrap">
        <table className="table table--stack" data-testid="sample-summary">
          <caption className="visually-hidden">Выборка по регионам</caption>
          <thead>
            <tr>
              <th scope="col">Регион</th>
              <th scope="col">Предложено</th>
              <th scope="col">В выборке</th>
              <th scope="col">Исключено</th>
              <th scope="col">Выверено</th>
              <th scope="col">Опубликована ({timeZoneName(timeZone)})</th>
            </tr>
          </thead>
          <tbody>
            {regions.length === 0 && (
              <tr>
                <td colSpan={6} className="table__empty">
                  Предварительных списков пока нет
                </td>
              </tr>
            )}
            {regions.map((region) => (
              <tr key={region.regionCode} data-testid="summary-row">
                <td data-label="Регион">
                  {region.regionCode} — {region.regionName}
                </td>
                <td data-label="Предложено" className="table__num">
                  {formatNumber(region.proposed)}
                </td>
                <td data-label="В выборке" className="table__num">
                  {formatNumber(region.selected)}
                </td>
                <td data-label="Исключено" className="table__num">
                  {formatNumber(region.withdrawn)}
                </td>
                <td data-label="Выверено" className="table__num">
                  {formatNumber(region.verified)}
                </td>
                <td data-label="Опубликована">
                  {region.publishedAt ? (
                    formatZonedDateTime(region.publishedAt, timeZone)
                  ) : canPublish ? (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={publish.isPending || region.selected === 0}
                      aria-label={`Опубликовать выборку региона ${region.regionCode}`}
                      onClick={() =>
                        publish.mutate({ campaignId, regionCodes: [region.regionCode] })
                      }
                    >
                      Опубликовать
                    </button>
                  ) : (
                    'Нет'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {publish.isError && <ErrorMessage error={publish.error} title="Выборка не опубликована" />}
    </div>
  );
}
