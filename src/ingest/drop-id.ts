import { createHash } from 'node:crypto';

const URL_SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A drop's id is its file name without `.txt`. A name that is not URL-safe (a Chinese or spaced
 * name) keeps its ASCII letters and gains a short hash of the whole name, so two such names never
 * collide and the id never depends on a slugifier that empties Chinese.
 */
export function dropIdOf(fileName: string): string {
  const stem = fileName.replace(/\.txt$/i, '');
  if (URL_SAFE.test(stem)) return stem;
  const ascii = stem
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60);
  const hash = createHash('sha256').update(fileName).digest('hex').slice(0, 8);
  return ascii ? `${ascii}-${hash}` : `drop-${hash}`;
}
