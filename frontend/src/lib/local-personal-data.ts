/**
 * Personal data a page keeps only in this browser (localStorage), never on the server: protocol
 * 1's participants' names (seed: the names stay at the assessment point). Shared by the page that
 * writes them and by «Выйти», which offers to erase them on a shared computer (issue 21).
 */

/** The localStorage keys of protocol 1's names start with this; the rest names the scope. */
export const PROTOCOL1_NAMES_PREFIX = 'oko.protocol1.names:';

function namesKeys(): string[] {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(PROTOCOL1_NAMES_PREFIX)) keys.push(key);
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
