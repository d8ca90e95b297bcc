import { useEffect, useMemo } from 'react';

import { useScanSheetThumbnail } from '../api/get-scan-sheet-thumbnail';
import type { ScanSheet } from '@/types/api';

/** A sheet's preview, fetched with the token; a placeholder when there is none. */
export function SheetThumbnail({ sheet }: { sheet: ScanSheet }) {
  const thumbnail = useScanSheetThumbnail({
    sheetId: sheet.id,
    queryConfig: { enabled: sheet.hasThumbnail },
  });
  const blob = thumbnail.data;
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : undefined), [blob]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  if (!url) {
    return (
      <span className="scans-thumb scans-thumb--none" data-testid="thumbnail-placeholder">
        {thumbnail.isLoading ? 'Загрузка…' : 'Нет просмотра'}
      </span>
    );
  }
  return (
    <img
      className="scans-thumb"
      src={url}
      alt={`Скан: ${sheet.fileName}`}
      data-testid="thumbnail"
      loading="lazy"
    />
  );
}
