// Every cue of every topic in one Aho–Corasick automaton: one pass over the text finds them all,
// so tagging a 1 MB article costs one scan, not one regular expression per cue.
import { isBoundary, isWordChar, type NormalText } from './normalize.ts';

export interface Match {
  /** Index into the patterns the matcher was built from. */
  pattern: number;
  start: number;
  end: number;
}

interface Node {
  /** By UTF-16 unit: a number key spares hashing a new one-character string per CJK character scanned. */
  next: Map<number, number>;
  fail: number;
  /** Patterns that end exactly here. */
  own: number[];
  /** Nearest node on the failure chain that has patterns of its own, or -1. */
  outputLink: number;
}

export interface Matcher {
  /** Non-overlapping matches, leftmost first; of overlapping ones the longest wins. */
  scan(normal: NormalText): Match[];
}

/** Patterns must already be in normal form (see `normalize`). */
export function createMatcher(patterns: readonly string[]): Matcher {
  const nodes: Node[] = [{ next: new Map(), fail: 0, own: [], outputLink: -1 }];
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let offset = 0; offset < pattern.length; offset++) {
      const char = pattern.charCodeAt(offset);
      let child = nodes[state]!.next.get(char);
      if (child === undefined) {
        child = nodes.length;
        nodes.push({ next: new Map(), fail: 0, own: [], outputLink: -1 });
        nodes[state]!.next.set(char, child);
      }
      state = child;
    }
    if (pattern.length > 0) nodes[state]!.own.push(index);
  });

  const queue: number[] = [...nodes[0]!.next.values()];
  for (let head = 0; head < queue.length; head++) {
    const node = nodes[queue[head]!]!;
    for (const [char, child] of node.next) {
      let fallback = node.fail;
      while (fallback !== 0 && !nodes[fallback]!.next.has(char)) fallback = nodes[fallback]!.fail;
      const target = nodes[fallback]!.next.get(char);
      const childNode = nodes[child]!;
      childNode.fail = target !== undefined && target !== child ? target : 0;
      const failNode = nodes[childNode.fail]!;
      childNode.outputLink = failNode.own.length > 0 ? childNode.fail : failNode.outputLink;
      queue.push(child);
    }
  }

  const edges = patterns.map((pattern) => ({
    latinStart: isWordChar(pattern[0]),
    latinEnd: isWordChar(pattern[pattern.length - 1]),
  }));

  function endsWell(normal: NormalText, end: number): boolean {
    if (isBoundary(normal, end)) return true;
    // English plurals: "Transformers", "CNNs", "diffusion models".
    return normal.text[end] === 's' && isBoundary(normal, end + 1);
  }

  function accept(normal: NormalText, pattern: number, start: number, end: number): boolean {
    const edge = edges[pattern]!;
    if (edge.latinStart && !isBoundary(normal, start)) return false;
    return !edge.latinEnd || endsWell(normal, end);
  }

  return {
    scan(normal) {
      const found: Match[] = [];
      const { text } = normal;
      let state = 0;
      for (let index = 0; index < text.length; index++) {
        const char = text.charCodeAt(index);
        for (;;) {
          const child = nodes[state]!.next.get(char);
          if (child !== undefined) {
            state = child;
            break;
          }
          if (state === 0) break;
          state = nodes[state]!.fail;
        }
        for (let hit = nodes[state]!.own.length > 0 ? state : nodes[state]!.outputLink; hit > 0; hit = nodes[hit]!.outputLink) {
          for (const pattern of nodes[hit]!.own) {
            const end = index + 1;
            const start = end - patterns[pattern]!.length;
            if (accept(normal, pattern, start, end)) found.push({ pattern, start, end });
          }
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: Match[] = [];
      let reach = 0;
      for (const match of found) {
        if (match.start < reach) continue;
        kept.push(match);
        reach = match.end;
      }
      return kept;
    },
  };
}
