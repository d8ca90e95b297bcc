/** The 1-based page number from a URL parameter; anything malformed or out of range is page 1. */
export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_001 ? page : 1;
}
