import { dateToRfc3339 } from '@11ty/eleventy-plugin-rss';
import type { DropDate } from '../model.ts';

/** What the reader found out about a file, besides its bytes; see `dropDate` for the order. */
export interface DateClues {
  /** When the commit that added the file was authored (RFC 3339), if the feeds are in git. */
  gitAdded?: { time: string; shallow: boolean };
  /** The file's modification time. */
  modifiedMs?: number;
}

/**
 * `2026-11-24…`, `2026_11_24…`, `20261124…`: only at the very start of the name and not followed by
 * another digit, so a date-like run inside a hash (`004_1ad6004f85210699` holds `8521 06 99`…)
 * is never read as one.
 */
const NAME_DATE = /^(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)/;
/** Before Unix time there were no transmission files; a "date" earlier than that is a number. */
const EARLIEST_YEAR = 1970;

const withDay = (time: string, source: DropDate['source']): DropDate => ({ time, day: time.slice(0, 10), source });

/** A real calendar date at the start of the file name, else null (2026-02-30 is not one). */
export function dateFromFileName(fileName: string): DropDate | null {
  const match = NAME_DATE.exec(fileName);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < EARLIEST_YEAR) return null;
  return withDay(`${match[1]}-${match[3]}-${match[4]}T00:00:00Z`, 'file-name');
}

/**
 * The drop's date from, in order: the file name, the git commit that added the file (Eleventy's
 * `git Created`), the modification time. With none of them (a caller that parses bytes it did not
 * read from a file), the start of Unix time. `problem` says when the date may be wrong.
 */
export function dropDate(fileName: string, clues: DateClues): { date: DropDate; problem: string | null } {
  const named = dateFromFileName(fileName);
  if (named) return { date: named, problem: null };
  if (clues.gitAdded) {
    const problem = clues.gitAdded.shallow
      ? 'date taken from the oldest commit of a shallow git clone, which may be later than the drop; clone with full history (fetch-depth: 0)'
      : null;
    return { date: withDay(clues.gitAdded.time, 'git'), problem };
  }
  return { date: withDay(dateToRfc3339(new Date(clues.modifiedMs ?? 0)), 'modified'), problem: null };
}
