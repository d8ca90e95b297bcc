import { useEffect, useState } from 'react';

import { formatNumber } from '@/utils/format';

/** How long a changed number stays highlighted. */
export const HIGHLIGHT_MS = 2_000;

/**
 * A counter that lights up for a moment when its value changes, so a coordinator watching the
 * live monitoring sees where something moved. The first value shown is not highlighted.
 */
export function LiveNumber({ value }: { value: number }) {
  const [previous, setPrevious] = useState(value);
  const [changed, setChanged] = useState(false);
  if (value !== previous) {
    // Adjusting state while rendering: React re-renders at once with the highlight on.
    setPrevious(value);
    setChanged(true);
  }
  useEffect(() => {
    if (!changed) return undefined;
    const timer = setTimeout(() => setChanged(false), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [changed, previous]);
  return (
    <span
      className={changed ? 'live-number live-number--changed' : 'live-number'}
      data-testid="live-number"
    >
      {formatNumber(value)}
    </span>
  );
}
