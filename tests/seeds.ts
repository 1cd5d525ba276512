// Shared paths for tests: the seed corpus that ships in feeds/ and the fixture folders.
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
/** The development set of real excerpts from other sources, kept beside the project (see its README). */
export const DEVSET = fileURLToPath(new URL('../../shared/devset/', import.meta.url));
