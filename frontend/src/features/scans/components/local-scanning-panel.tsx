import { useState } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { OrganizationPicker, type PickedOrganization } from '@/components/ui/organization-picker';
import { Loading } from '@/components/ui/loading';
import type { Campaign } from '@/types/api';

import { useLocalScanning } from '../api/get-local-scanning';
import { useSetLocalScanning } from '../api/set-local-scanning';
import { SCANS_PICKER } from '../utils/labels';

type LocalScanningPanelProps = { campaign: Campaign; regionCode: string };

/**
 * The organizations of remote territories that scan and upload their own works: the region's
 * coordinator adds and removes them.
 */
export function LocalScanningPanel({ campaign, regionCode }: LocalScanningPanelProps) {
  const scope = { campaignId: campaign.id, regionCode };
  const local = useLocalScanning({ scope });
  const save = useSetLocalScanning();
  const [picked, setPicked] = useState<PickedOrganization>();

  const ids = local.data?.organizations.map((organization) => organization.id) ?? [];
  const change = (organizationIds: number[], onDone?: () => void) =>
    save.mutate({ ...scope, organizationIds }, { onSuccess: onDone });

  return (
    <details className="panel scans-local" data-testid="local-scanning">
      <summary className="scans-section-title">Сканирование в самих организациях</summary>
      <p className="table__muted">
        Организации удалённых территорий, которые сами сканируют и загружают работы своих
        участников. Остальные работы загружает центр сканирования региона.
      </p>
      {local.isPending && <Loading />}
      {local.isError && <ErrorMessage error={local.error} onRetry={() => void local.refetch()} />}
      {local.data && (
        <ul className="scans-local__list" data-testid="local-scanning-list">
          {local.data.organizations.length === 0 && (
            <li className="table__muted">Таких организаций нет.</li>
          )}
          {local.data.organizations.map((organization) => (
            <li key={organization.id} className="scans-local__item">
              <span>
                {organization.name} <span className="table__code">{organization.login}</span>
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={save.isPending}
                onClick={() => change(ids.filter((id) => id !== organization.id))}
              >
                Убрать
              </button>
            </li>
          ))}
        </ul>
      )}
      <OrganizationPicker
        regionCode={regionCode}
        value={picked}
        onChange={setPicked}
        {...SCANS_PICKER}
        label="Добавить организацию"
      />
      {picked && (
        <button
          type="button"
          className="button"
          disabled={save.isPending || ids.includes(picked.id)}
          onClick={() => change([...ids, picked.id], () => setPicked(undefined))}
        >
          {ids.includes(picked.id) ? 'Уже в списке' : 'Разрешить загружать самой'}
        </button>
      )}
      {save.isError && <ErrorMessage error={save.error} title="Не удалось сохранить список" />}
    </details>
  );
}
