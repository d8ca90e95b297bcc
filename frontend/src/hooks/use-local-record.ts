import { useState } from 'react';

/** A kit number (or participant code) → text map kept in this browser's localStorage under `key`. */
export type LocalRecord = Record<string, string>;

function read(key: string): LocalRecord {
  try {
    const stored = window.localStorage.getItem(key);
    if (!stored) return {};
    const parsed: unknown = JSON.parse(stored);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/**
 * State that lives only in this browser (localStorage), never on the server: protocol 1 and the ВПР
 * codes protocol keep the participants' names here. An empty map removes the entry, so «стереть» leaves nothing behind.
 * Returns the map, a setter of one kit's value, a replacement of the whole map, and whether the
 * browser refused to store (private mode, storage full).
 */
export function useLocalRecord(key: string) {
  const [value, setValue] = useState<LocalRecord>(() => read(key));
  const [unsaved, setUnsaved] = useState(false);

  // Stored at once, in the event that changed it, so a reload or a closed tab loses nothing.
  const replace = (next: LocalRecord) => {
    setValue(next);
    try {
      if (Object.keys(next).length === 0) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(next));
      setUnsaved(false);
    } catch {
      setUnsaved(true);
    }
  };

  const setOne = (kit: string, text: string) => {
    const next = { ...value };
    if (text) next[kit] = text;
    else delete next[kit];
    replace(next);
  };

  return { value, setOne, replace, unsaved } as const;
}
