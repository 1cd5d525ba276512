export { feedsFingerprint, readDrops, type ReadOptions } from './read.ts';
export { parseDrop, parseExcerpt } from './parse.ts';
export { dateFromFileName, type DateClues } from './dates.ts';
export { formatDiagnostic } from './diagnostics.ts';
