import { VFile } from 'vfile';
import type { Drop, Entry } from '../model.ts';
import { dropDate, type DateClues } from './dates.ts';
import { decodeFeed } from './decode.ts';
import { diagnosticsOf, report } from './diagnostics.ts';
import { dropIdOf } from './drop-id.ts';

const HEADER_FIRST = 'INCOMING TRANSMISSION';
const HEADER_LAST = 'LATEST UPDATES';
const LONG_LINE_BYTES = 64 * 1024;
// Tab stays (it is white space); every other C0 control and DEL is scrape damage.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const PAGINATION = /^[\d\s]+$/;
const IDEA_MARKER = '💡';
const SOURCE_MARKER = '🔖';
const VARIATION_SELECTOR = '\uFE0F';

export interface Excerpt {
  text: string;
  truncated: boolean;
  source: string | null;
}

function httpUrl(candidate: string): string | null {
  const unwrapped = candidate.replace(/^<(.*)>$/, '$1');
  if (!/^https?:\/\//i.test(unwrapped)) return null;
  try {
    const url = new URL(unwrapped);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function dropMarker(text: string, marker: string): string {
  let rest = text.slice(marker.length);
  if (rest.startsWith(VARIATION_SELECTOR)) rest = rest.slice(1);
  return rest.trimStart();
}

/** Leading markers and the trailing `...` off one line; what remains is the excerpt as written. */
export function parseExcerpt(line: string): Excerpt {
  let rest = line.trim();
  let source: string | null = null;
  for (;;) {
    if (rest.startsWith(IDEA_MARKER)) {
      rest = dropMarker(rest, IDEA_MARKER);
      continue;
    }
    if (rest.startsWith(SOURCE_MARKER) && source === null) {
      const afterMarker = dropMarker(rest, SOURCE_MARKER);
      const token = afterMarker.split(/\s/, 1)[0] ?? '';
      const url = httpUrl(token);
      if (url !== null) {
        source = url;
        rest = afterMarker.slice(token.length).trimStart();
        continue;
      }
    }
    break;
  }
  const withoutCut = rest.replace(/(?:\.{3,}|…+)$/u, '');
  return { text: withoutCut.trimEnd(), truncated: withoutCut.length !== rest.length, source };
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** How many leading lines are the `INCOMING TRANSMISSION / (empty) / LATEST UPDATES` header. */
function headerLength(lines: string[]): { length: number; complete: boolean } {
  if (lines[0]?.trim() !== HEADER_FIRST) return { length: 0, complete: false };
  let next = 1;
  while (next < lines.length && lines[next]?.trim() === '') next++;
  if (lines[next]?.trim() === HEADER_LAST) return { length: next + 1, complete: true };
  return { length: 1, complete: false };
}

/** Parse one transmission file. Pure: the caller reads the bytes and what dates the file. */
export function parseDrop(fileName: string, bytes: Uint8Array, clues: DateClues = {}): Drop {
  const vfile = new VFile({ path: fileName });
  const { date, problem } = dropDate(fileName, clues);
  if (problem) report(vfile, 'warning', null, 'date', problem);
  const drop: Drop = { id: dropIdOf(fileName), file: fileName, date, entries: [], lines: 0, diagnostics: [] };
  const finish = (): Drop => ({ ...drop, diagnostics: diagnosticsOf(vfile, fileName) });

  if (bytes.length === 0) {
    report(vfile, 'warning', null, 'empty', 'file is empty');
    return finish();
  }
  const decoded = decodeFeed(bytes);
  if (decoded.kind === 'binary') {
    const percent = (decoded.controlShare * 100).toFixed(0);
    report(vfile, 'error', null, 'binary', `file looks binary (${percent}% NUL or control bytes); skipped`);
    return finish();
  }
  if (decoded.kind === 'undecodable') {
    report(vfile, 'error', null, 'encoding', 'file is neither UTF-8 nor GB18030; skipped');
    return finish();
  }
  if (decoded.encoding !== 'utf-8') {
    report(vfile, 'info', null, 'encoding', `decoded as ${decoded.encoding}`);
  }

  const lines = decoded.text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = headerLength(lines);
  if (!header.complete) {
    const reason = header.length === 0 ? 'missing header' : 'incomplete header (no LATEST UPDATES)';
    report(vfile, 'warning', 1, 'header', `${reason}; every non-empty line is read as an entry`);
  }

  for (let index = header.length; index < lines.length; index++) {
    const lineNumber = index + 1;
    const written = lines[index] ?? '';
    if (written.trim() === '') continue;
    drop.lines++;
    if (decoded.damagedBytes > 0 && written.includes('\uFFFD')) {
      report(vfile, 'warning', lineNumber, 'encoding', 'line is not valid UTF-8; bad bytes shown as �');
    }
    const line = written.replace(CONTROL_CHARACTERS, '');
    if (line.length !== written.length) {
      report(vfile, 'warning', lineNumber, 'control', 'NUL or control characters removed from line');
    }
    if (byteLength(line) > LONG_LINE_BYTES) {
      report(vfile, 'warning', lineNumber, 'long-line', `line is ${byteLength(line)} bytes (over 64 KiB); kept`);
    }
    if (PAGINATION.test(line)) {
      report(vfile, 'info', lineNumber, 'pagination', `pagination line "${line.trim()}" is not an article`);
      continue;
    }
    const excerpt = parseExcerpt(line);
    if (excerpt.text === '') {
      report(vfile, 'warning', lineNumber, 'empty-entry', 'line holds only markers, no excerpt');
      continue;
    }
    const entry: Entry = { drop: drop.id, line: lineNumber, ...excerpt };
    drop.entries.push(entry);
  }
  if (drop.entries.length === 0) {
    report(vfile, 'warning', null, 'no-entries', 'drop holds no article');
  }
  return finish();
}
