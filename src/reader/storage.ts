// localStorage, as a reader's browser may or may not allow it. Blocked storage (a privacy
// setting, some private windows) throws on access; then there is no store and every feature that
// needs one stays off, silently: the page is exactly the static page.

export interface ReaderStore {
  read(name: string): unknown;
  /** False when the write failed (quota, storage revoked mid-visit). */
  write(name: string, value: unknown): boolean;
}

/** Keys carry the site's base path, so two digests hosted on one origin keep their own lists. */
export function openStore(base: string): ReaderStore | null {
  let storage: Storage;
  try {
    storage = window.localStorage;
    const probe = `td:${base}:probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
  } catch {
    return null;
  }
  const key = (name: string) => `td:${base}:${name}`;
  return {
    read(name) {
      try {
        return JSON.parse(storage.getItem(key(name)) ?? 'null') as unknown;
      } catch {
        return null;
      }
    },
    write(name, value) {
      try {
        storage.setItem(key(name), JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
  };
}
