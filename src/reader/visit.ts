// "New since your last visit", as one small record the browser keeps: which drops the reader has
// seen. Drops are compared by number (arrival order), the way pages label them.

/** Page views further apart than this are two visits, as web analytics count sessions. */
export const NEW_VISIT_AFTER_MS = 30 * 60 * 1000;

export interface VisitRecord {
  /** The newest drop the reader has seen, on any visit, this one included. */
  seen: number;
  /** The newest drop the reader had seen before this visit began: later drops are new to them. */
  before: number;
  /** When the reader last opened a page (ms since the epoch), to tell visits apart. */
  at: number;
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** A stored record, or null when it is missing or not one of ours (storage is the reader's, not ours). */
export function parseVisit(value: unknown): VisitRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { seen, before, at } = value as Record<string, unknown>;
  return isCount(seen) && isCount(before) && isCount(at) && before <= seen ? { seen, before, at } : null;
}

/**
 * The record after the reader opens a page whose newest drop is `latest`. A first-time reader
 * sees the latest drop as new and nothing else; a visit that starts later sees every drop that
 * arrived since the previous one; within a visit the marks stay put, so they survive going from
 * a list to an article and back, and a drop that arrives mid-visit joins them.
 */
export function visitAt(record: VisitRecord | null, latest: number, now: number): VisitRecord {
  if (record === null) return { seen: latest, before: Math.max(0, latest - 1), at: now };
  // A digest that lost drops (or another digest on this origin before) must not hide new ones forever.
  const seen = Math.min(record.seen, latest);
  const before = Math.min(record.before, seen);
  const newVisit = now - record.at >= NEW_VISIT_AFTER_MS || now < record.at;
  return { seen: Math.max(seen, latest), before: newVisit ? seen : before, at: now };
}

/** The visit after "mark all read": nothing is new until the next drop. */
export const allRead = (record: VisitRecord): VisitRecord => ({ ...record, before: record.seen });

/**
 * How many articles are new to the reader, from the new-article counts of the newest drops
 * (newest first). `atLeast` says the reader is further behind than the counts reach.
 */
export function freshCount(record: VisitRecord, latest: number, freshPerDrop: readonly number[]): { count: number; atLeast: boolean } {
  const behind = Math.max(0, latest - record.before);
  const known = freshPerDrop.slice(0, behind);
  return { count: known.reduce((sum, n) => sum + n, 0), atLeast: behind > freshPerDrop.length };
}
