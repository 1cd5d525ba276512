// Splits an excerpt into literal text, formula placeholders and TeX, before anything is typeset.
//
// The scanner is hand-written and single-pass on purpose: excerpts are untrusted, and a
// backtracking regex such as /\\\((.*?)\\\)/ goes quadratic on a line of 20,000 `\(` with no
// closer. Every look-ahead below is either O(1) or a memoized indexOf that only moves forward.
import { PLACEHOLDERS, type Placeholder } from '../model.ts';
import { scanLooseTex } from './loose-tex.ts';

/** `block` is an article body; `inline` is a card title or summary, where nothing goes display. */
export type Layout = 'block' | 'inline';

export type Segment =
  | { kind: 'text'; value: string }
  | { kind: 'placeholder'; source: Placeholder; display: boolean }
  | { kind: 'tex'; source: string; tex: string; display: boolean; loose: boolean };

// The scraper wrote [Math] for inline formulas and [公式] / [Formula] for formulas that were
// usually display blocks; only the latter may become display.
const DISPLAY_CAPABLE: ReadonlySet<string> = new Set(['[公式]', '[Formula]']);

const DELIMITERS = {
  '(': { open: '\\(', close: '\\)', display: false },
  '[': { open: '\\[', close: '\\]', display: true },
} as const;

export function segmentExcerpt(text: string, layout: Layout): Segment[] {
  const marked = scanMarkers(text);
  const placed = layout === 'block' ? layOutPlaceholders(marked) : marked.map(inlined);
  return placed.flatMap<Segment>((segment) =>
    segment.kind === 'text' ? scanLooseTex(segment.value).parts : [segment],
  );
}

function scanMarkers(text: string): Segment[] {
  const segments: Segment[] = [];
  const nextIndexOf = forwardIndexOf(text);
  let textStart = 0;
  const emit = (segment: Segment, from: number, to: number): void => {
    if (from > textStart) segments.push({ kind: 'text', value: text.slice(textStart, from) });
    segments.push(segment);
    textStart = to;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '[') {
      const placeholder = PLACEHOLDERS.find((p) => text.startsWith(p, i));
      if (placeholder !== undefined) {
        emit({ kind: 'placeholder', source: placeholder, display: false }, i, i + placeholder.length);
        i += placeholder.length;
        continue;
      }
    } else if (ch === '\\') {
      const next = text[i + 1];
      const delimiter = next === '(' || next === '[' ? DELIMITERS[next] : undefined;
      if (delimiter !== undefined) {
        const close = nextIndexOf(delimiter.close, i + 2);
        const reopen = nextIndexOf(delimiter.open, i + 2);
        // A second opener before the closer means this one was cut off (`\(x\in...`): the
        // formula it began is lost, and the later pair may still be whole.
        if (close !== -1 && (reopen === -1 || reopen > close)) {
          const tex = text.slice(i + 2, close);
          if (tex.trim() !== '' && !PLACEHOLDERS.some((p) => tex.includes(p))) {
            const end = close + delimiter.close.length;
            const source = text.slice(i, end);
            emit({ kind: 'tex', source, tex, display: delimiter.display, loose: false }, i, end);
            i = end;
            continue;
          }
        }
      }
    }
    i++;
  }
  if (textStart < text.length) segments.push({ kind: 'text', value: text.slice(textStart) });
  return segments;
}

/** indexOf that remembers its last answer per needle, so repeated forward searches stay linear. */
function forwardIndexOf(text: string): (needle: string, from: number) => number {
  const found = new Map<string, number>();
  return (needle, from) => {
    const known = found.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const at = text.indexOf(needle, from);
    found.set(needle, at);
    return at;
  };
}

function inlined(segment: Segment): Segment {
  return segment.kind === 'text' ? segment : { ...segment, display: false };
}

// A display-capable placeholder goes display when it "stands alone between sentences": the text
// before it ends a sentence or introduces it (`:`, `。`), and the text after starts a new one.
// A sentence opener after it (`其中`, `首先`) is enough on its own, as in "选择指数函数 [公式] 首先,…".
const SENTENCE_ENDS: ReadonlySet<string> = new Set([':', '：', '。', '！', '？', '!', '?']);
const CONTINUATIONS: ReadonlySet<string> = new Set(
  [...',，、;；.。:：!！?？)）]】》”’"\''],
);
const SENTENCE_OPENERS = ['其中', '首先', '其次', '然后', '因此', '所以', '于是', '这里', '此时', 'where'];

function layOutPlaceholders(segments: readonly Segment[]): Segment[] {
  const placed: Segment[] = [];
  segments.forEach((segment, k) => {
    if (segment.kind === 'placeholder' && DISPLAY_CAPABLE.has(segment.source)) {
      const after = followingContext(segments, k);
      const display =
        after !== 'continues' && (after === 'opener' || startsSentence(placed, k));
      placed.push({ ...segment, display });
    } else {
      placed.push(segment);
    }
  });
  return placed;
}

/** Whether what precedes segment k (already laid out in `placed`) leaves it at a sentence start. */
function startsSentence(placed: readonly Segment[], k: number): boolean {
  const before = placed[k - 1];
  if (before === undefined) return true;
  if (before.kind !== 'text') return before.display;
  const trimmed = before.value.trimEnd();
  if (trimmed === '') {
    const further = placed[k - 2];
    return further === undefined || (further.kind !== 'text' && further.display);
  }
  const last = trimmed.at(-1) ?? '';
  // `.` ends a sentence only when a space follows it, unlike `3.5` or `x.y`.
  return SENTENCE_ENDS.has(last) || (last === '.' && trimmed.length < before.value.length);
}

type Following = 'opener' | 'new-sentence' | 'continues';

function followingContext(segments: readonly Segment[], k: number): Following {
  const after = segments[k + 1];
  if (after === undefined) return 'new-sentence';
  if (after.kind !== 'text') return mayBeDisplay(after) ? 'new-sentence' : 'continues';
  const trimmed = after.value.trimStart();
  if (trimmed === '') {
    const further = segments[k + 2];
    return further === undefined || mayBeDisplay(further) ? 'new-sentence' : 'continues';
  }
  if (CONTINUATIONS.has(trimmed[0] ?? '')) return 'continues';
  return SENTENCE_OPENERS.some((opener) => trimmed.startsWith(opener)) ? 'opener' : 'new-sentence';
}

function mayBeDisplay(segment: Segment): boolean {
  if (segment.kind === 'placeholder') return DISPLAY_CAPABLE.has(segment.source);
  return segment.kind === 'tex' && segment.display;
}
