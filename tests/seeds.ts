// Shared paths for tests: the seed corpus that ships in feeds/ and the fixture folders.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FEEDS = fileURLToPath(new URL('../feeds/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const SEED_DROPS = [
  '000_4e5cbb39897d210b',
  '001_6361958ca166ea40',
  '002_0029ca7215bc236a',
  '003_e3ea076ccf5dab71',
  '004_1ad6004f85210699',
] as const;
/**
 * The development set of real excerpts from other sources. It is kept beside the project, never
 * in it (see its README); DIGEST_DEVSET names another place for it.
 */
export const DEVSET = process.env['DIGEST_DEVSET'] ? resolve(process.env['DIGEST_DEVSET']) : fileURLToPath(new URL('../../shared/devset/', import.meta.url));
/**
 * Why the dev-set tests are skipped, or false when they run. A clone on its own has no dev set
 * beside it; its tests then show as skipped with this reason rather than failing on a missing file.
 */
export const DEVSET_ABSENT: string | false = existsSync(join(DEVSET, 'labels.json')) ? false : `no dev set at ${DEVSET} (set DIGEST_DEVSET to where it is)`;
