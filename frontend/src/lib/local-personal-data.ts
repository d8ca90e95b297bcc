/**
 * Personal data a page keeps only in this browser (localStorage), never on the server: protocol
 * 1's participants' names (seed: the names stay at the assessment point) and the names beside the
 * ВПР participant codes (seed 004, 6.13.2). Shared by the page that
 * writes them and by «Выйти», which offers to erase them on a shared computer (issue 21).
 */

/** The localStorage keys of protocol 1's names start with this; the rest names the scope. */
export const PROTOCOL1_NAMES_PREFIX = 'oko.protocol1.names:';

/** The ВПР codes protocol's names (code → name; seed 004, 6.13.2) start with this. */
export const CODES_NAMES_PREFIX = 'oko.codes.names:';

const PREFIXES = [PROTOCOL1_NAMES_PREFIX, CODES_NAMES_PREFIX];

function namesKeys(): string[] {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key && PREFIXES.some((prefix) => key.startsWith(prefix))) keys.push(key);
    }
    return keys;
  } catch {
    return [];
  }
}

/** How many names this browser keeps, over every campaign, subject and point. */
export function countStoredNames(): number {
  let count = 0;
  for (const key of namesKeys()) {
    try {
      const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '{}');
      if (typeof parsed === 'object' && parsed !== null) count += Object.keys(parsed).length;
    } catch {
      count += 1;
    }
  }
  return count;
}

/** Removes every name this browser keeps. */
export function eraseStoredNames(): void {
  for (const key of namesKeys()) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // storage refused: nothing more can be done here
    }
  }
}
