// Finds TeX that survived the scrape without delimiters: `x_i`, `p_{data}`, `n^2`, `\{x_i\}_{i=1}^n`.
//
// A candidate is a run of math characters (spaces allowed between them) that contains a script
// or a TeX command. It becomes math only when its shape is unmistakably TeX; the typesetter then
// gets the final word, and anything it rejects stays text. Candidates are bounded in length and
// scanned once each, so the whole scan is linear in the text.

export type LoosePart =
  | { kind: 'text'; value: string }
  | { kind: 'tex'; source: string; tex: string; display: false; loose: true };

export interface LooseScan {
  parts: LoosePart[];
  /** Candidates that contained `_`, `^` or a command but were left as text. */
  rejected: string[];
}

/** Longer runs are prose or damage, not a formula someone wrote inline without delimiters. */
export const LOOSE_TEX_MAX = 200;

const ASCII_MATH = new Set([...'_^{}()[]+-=*/|,.\'!\\']);
const MATH_SYMBOLS = new Set([...'∀∂∃∅∇∈∉∋∏∑−∓∗∘√∝∞∧∨∩∪∫≈≠≡≤≥⊂⊃⊆⊇⊕⊗⊤⊥⋅·×÷±→←↔⇒⇐⇔′‖']);
const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
const TRIMMED_EDGES = new Set([',', '.', '!']);

const isLatinLetter = (ch: string): boolean => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const isGreek = (ch: string): boolean => (ch >= 'Α' && ch <= 'Ω') || (ch >= 'α' && ch <= 'ω') || 'ϑϕϖϱϵ'.includes(ch);
const isLetter = (ch: string): boolean => isLatinLetter(ch) || (ch !== '' && isGreek(ch));
const isMathChar = (ch: string): boolean =>
  isLetter(ch) || isDigit(ch) || ASCII_MATH.has(ch) || MATH_SYMBOLS.has(ch);
const isInlineSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\u00a0';
const isScriptMark = (ch: string): boolean => ch === '_' || ch === '^';
const hasTrigger = (run: string): boolean => /[_^]|\\[A-Za-z{}]/.test(run);

export function scanLooseTex(text: string): LooseScan {
  // Only a run with a trigger is ever accepted or rejected, so a text without one is all text: most
  // texts (58% of the dev set's), whose character-by-character walk cost a twelfth of deriving them.
  if (!hasTrigger(text)) return { parts: text === '' ? [] : [{ kind: 'text', value: text }], rejected: [] };
  const parts: LoosePart[] = [];
  const rejected: string[] = [];
  let textStart = 0;
  const accept = (from: number, to: number): void => {
    if (from > textStart) parts.push({ kind: 'text', value: text.slice(textStart, from) });
    const source = text.slice(from, to);
    parts.push({ kind: 'tex', source, tex: source, display: false, loose: true });
    textStart = to;
  };
  const consider = (from: number, to: number): boolean => {
    const [start, end] = trimEdges(text, from, to);
    if (end > start && looksLikeTex(text.slice(start, end))) {
      accept(start, end);
      return true;
    }
    return false;
  };

  let i = 0;
  while (i < text.length) {
    if (!isMathChar(text[i] ?? '')) {
      i++;
      continue;
    }
    const runEnd = endOfRun(text, i);
    const runWords = words(text, i, runEnd);
    i = runEnd;
    // Prose words (`TD`, `xw`, `Label`) split a run into windows that may each be one formula,
    // as in `(s_0, r_1, ..., s_{t+1}) ,TD`. So does a word that opens with a comma: inside a
    // formula commas follow their operand (`z_1, z_2`), while ` ,` is prose punctuation.
    let window: Array<[number, number]> = [];
    const flushWindow = (): void => {
      const span = window;
      window = [];
      const from = span[0]?.[0] ?? 0;
      const to = span.at(-1)?.[1] ?? 0;
      if (!hasTrigger(text.slice(from, to)) || consider(from, to)) return;
      if (span.length === 1) {
        rejected.push(text.slice(from, to));
        return;
      }
      // The window is not one formula (`x_1w_1 + x_2w_2 T ( T`): try its words one by one.
      for (const [start, end] of span) {
        const word = text.slice(start, end);
        if (hasTrigger(word) && !consider(start, end)) rejected.push(word);
      }
    };
    for (const word of runWords) {
      if (text[word[0]] === ',' || isProse(text, word[0], word[1])) {
        flushWindow();
        if (hasTrigger(text.slice(word[0], word[1]))) rejected.push(text.slice(word[0], word[1]));
      } else {
        window.push(word);
      }
    }
    flushWindow();
  }
  if (textStart < text.length) parts.push({ kind: 'text', value: text.slice(textStart) });
  return { parts, rejected };
}

/** A word with two bare Latin letters in a row, outside scripts, groups and command names: `TD`, `Label`. */
function isProse(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      // Skip a command name, or else the one character the backslash escapes.
      const nameEnd = endOfCommandName(text, i + 1);
      i = nameEnd > i + 1 ? nameEnd - 1 : i + 1;
    } else if (isScriptMark(ch) && (isLetter(text[i + 1] ?? '') || isDigit(text[i + 1] ?? ''))) {
      i++;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      depth--;
    } else if (depth === 0 && isLatinLetter(ch) && isLatinLetter(text[i + 1] ?? '')) {
      return true;
    }
  }
  return false;
}

function endOfCommandName(text: string, from: number): number {
  let end = from;
  while (isLatinLetter(text[end] ?? '')) end++;
  return end;
}

/** The end of a run of math characters starting at `start`, across spaces that separate them. */
function endOfRun(text: string, start: number): number {
  let end = start;
  let j = start;
  while (j < text.length) {
    const ch = text[j] ?? '';
    if (isMathChar(ch)) {
      end = ++j;
    } else if (isInlineSpace(ch)) {
      while (j < text.length && isInlineSpace(text[j] ?? '')) j++;
      if (!isMathChar(text[j] ?? '')) break;
    } else {
      break;
    }
  }
  return end;
}

function words(text: string, from: number, to: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    const space = i === to || isInlineSpace(text[i] ?? '');
    if (space && start !== -1) {
      found.push([start, i]);
      start = -1;
    } else if (!space && start === -1) {
      start = i;
    }
  }
  return found;
}

/** Drops sentence punctuation and unmatched brackets at the edges: `(s_0,` → `s_0`. */
function trimEdges(text: string, from: number, to: number): [number, number] {
  if (to - from > LOOSE_TEX_MAX) return [from, from];
  const balance = new Map<string, number>([[')', 0], [']', 0], ['}', 0]]);
  for (let i = from; i < to; i++) {
    const ch = text[i] ?? '';
    if (text[i - 1] === '\\') continue;
    const closer = OPENERS[ch];
    if (closer !== undefined) balance.set(closer, (balance.get(closer) ?? 0) + 1);
    else if (CLOSERS.has(ch)) balance.set(ch, (balance.get(ch) ?? 0) - 1);
  }
  // An edge bracket goes when its kind is unbalanced in the direction it would make worse.
  const unmatched = (ch: string, escaped: boolean): string | undefined => {
    if (escaped) return undefined;
    const closer = OPENERS[ch];
    if (closer !== undefined) return (balance.get(closer) ?? 0) > 0 ? closer : undefined;
    return CLOSERS.has(ch) && (balance.get(ch) ?? 0) < 0 ? ch : undefined;
  };
  const settle = (kind: string, ch: string): void => {
    balance.set(kind, (balance.get(kind) ?? 0) + (OPENERS[ch] === undefined ? 1 : -1));
  };
  let start = from;
  let end = to;
  while (end > start) {
    const last = text[end - 1] ?? '';
    const first = text[start] ?? '';
    const lastKind = unmatched(last, text[end - 2] === '\\');
    const firstKind = unmatched(first, false);
    if (TRIMMED_EDGES.has(last) || isInlineSpace(last)) {
      end--;
    } else if (TRIMMED_EDGES.has(first) || isInlineSpace(first)) {
      start++;
    } else if (lastKind !== undefined) {
      settle(lastKind, last);
      end--;
    } else if (firstKind !== undefined) {
      settle(firstKind, first);
      start++;
    } else {
      break;
    }
  }
  return [start, end];
}

/**
 * Whether a candidate is unmistakably TeX: balanced brackets; every `_` / `^` has a one-character
 * base and a script (one character, a `{…}` group or a command); no two bare letters in a row
 * outside groups, so words and identifiers (`max_len`, `N_RF`, `score_fn`) stay text; no bare
 * script followed by more of the same token (`x_12`, `2^10` are ambiguous, so left alone); and
 * no space between two operands.
 */
export function looksLikeTex(candidate: string): boolean {
  if (candidate.length === 0 || candidate.length > LOOSE_TEX_MAX) return false;
  const expected: string[] = [];
  let groupDepth = 0;
  let operandBefore = false;
  let letterBefore = false;
  let spacedOperand = false;
  let texMarks = 0;
  for (let i = 0; i < candidate.length; i++) {
    const ch = candidate[i] ?? '';
    const next = candidate[i + 1] ?? '';
    if (isInlineSpace(ch)) {
      spacedOperand ||= operandBefore;
      operandBefore = false;
      letterBefore = false;
      continue;
    }
    // TeX drops spaces, so `x_n T 0` would print as x_nT0 and hide the operator the scrape lost.
    if (spacedOperand && (isLetter(ch) || isDigit(ch) || OPENERS[ch] !== undefined)) return false;
    spacedOperand = false;
    let operand = false;
    let letter = false;
    if (ch === '\\') {
      if (isLatinLetter(next)) {
        i = endOfCommandName(candidate, i + 1) - 1;
        operand = true;
        texMarks++;
      } else if (next === '{') {
        expected.push('\\}');
        i++;
        texMarks++;
      } else if (next === '}') {
        if (expected.pop() !== '\\}') return false;
        i++;
        operand = true;
      } else if (next === ',' || next === ';' || next === '!' || next === '|') {
        i++;
      } else {
        return false;
      }
    } else if (OPENERS[ch] !== undefined) {
      expected.push(OPENERS[ch] ?? '');
      if (ch === '{') groupDepth++;
    } else if (CLOSERS.has(ch)) {
      if (expected.pop() !== ch) return false;
      if (ch === '}') groupDepth--;
      operand = true;
    } else if (isScriptMark(ch)) {
      if (!operandBefore) return false;
      texMarks++;
      if (isLetter(next) || isDigit(next) || next === '*') {
        const after = candidate[i + 2] ?? '';
        if (isDigit(after) && next !== '*') return false;
        if (isLetter(after) && next !== '*' && !isScriptMark(candidate[i + 3] ?? '')) return false;
        i++;
        operand = true;
      } else if (next !== '{' && next !== '\\') {
        return false;
      }
    } else if (isLetter(ch)) {
      if (letterBefore && groupDepth === 0) return false;
      operand = true;
      letter = true;
    } else if (isDigit(ch) || ch === '\'') {
      operand = true;
    }
    operandBefore = operand;
    letterBefore = letter;
  }
  return expected.length === 0 && texMarks > 0;
}
