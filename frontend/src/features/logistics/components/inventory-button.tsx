import { useDownloadInventory } from '../api/download-inventory';
import { saveBlob } from '@/utils/download';

type InventoryButtonProps = {
  campaignId: number;
  organization: { id: number; login: string };
};

/** Downloads one organization's inventory (опись) of materials. */
export function InventoryButton({ campaignId, organization }: InventoryButtonProps) {
  const download = useDownloadInventory();
  return (
    <span className="inline-action">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={download.isPending}
        aria-label={`Опись материалов ${organization.login}`}
        onClick={() =>
          download.mutate(
            { campaignId, organizationId: organization.id, login: organization.login },
            { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
          )
        }
      >
        {download.isPending ? 'Готовим…' : 'Опись'}
      </button>
      {download.isError && (
        <span className="inline-error" role="alert">
          {download.error.message}
        </span>
      )}
    </span>
  );
}
