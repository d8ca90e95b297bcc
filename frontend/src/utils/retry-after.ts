/** `Retry-After` is either a number of seconds or an HTTP date (RFC 9110 § 10.2.3). */
export function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** How long to wait, in words: «через 15 мин.», «через 2 ч 30 мин.», «через 24 ч». */
export function waitInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return `через ${minutes} мин.`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `через ${hours} ч` : `через ${hours} ч ${rest} мин.`;
}

/** The message for a sign-in refused for too many attempts (`429`). */
export function tooManyAttempts(what: string, retryAfter: string | null): string {
  const seconds = retryAfterSeconds(retryAfter);
  return seconds === undefined
    ? `${what}. Повторите позже.`
    : `${what}. Повторите ${waitInWords(seconds)}`;
}
