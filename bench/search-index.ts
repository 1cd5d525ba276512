// How big the search index is that the build wrote: every data file under the site's search
// folders (pages, scripts and styles aside, they are the client, not the index).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bytes } from './results.ts';

const INDEX_FOLDERS = new Set(['search', 'search-index', 'pagefind']);
const CLIENT_FILES = new Set(['.html', '.js', '.mjs', '.css', '.map']);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The per-article pages are tens of thousands of folders that hold no index; skip walking them. */
const PAGE_FOLDERS = new Set(['articles', 'drops']);

function indexFolders(siteDir: string): string[] {
  return readdirSync(siteDir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || PAGE_FOLDERS.has(entry.name)) return [];
    const path = join(siteDir, entry.name);
    return INDEX_FOLDERS.has(entry.name) ? [path] : indexFolders(path);
  });
}

/** Raw and gzip bytes of the index files, or null when the site has none (search not built yet). */
export function measureSearchIndex(siteDir: string): (Bytes & { files: number }) | null {
  const files = indexFolders(siteDir)
    .flatMap(filesUnder)
    .filter((file) => !CLIENT_FILES.has(extname(file)) && statSync(file).size > 0);
  if (files.length === 0) return null;
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(file);
    raw += content.length;
    gzip += gzipSync(content, { level: 6 }).length;
  }
  return { raw, gzip, files: files.length };
}
