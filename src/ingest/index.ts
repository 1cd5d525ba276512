export { feedsFingerprint, readDrops, type ReadOptions } from './read.ts';
export { parseDrop, parseExcerpt } from './parse.ts';
export { formatDiagnostic } from './diagnostics.ts';
