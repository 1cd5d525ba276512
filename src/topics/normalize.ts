// One normal form for cue terms and article text alike, so that matching is a plain substring scan.
// The scrape drops hyphens and sometimes spaces ("ActorCritic", "modelfree", "Endtoend"), while
// the table spells "Actor-Critic": so separators go on both sides, and what they separated is kept
// as a word boundary. Camel case and letter/digit changes are boundaries too ("SD3", "PPOTrainer").

/** Text in normal form, with where its Latin words start and end. */
export interface NormalText {
  /** NFKC, ASCII letters lowercased, spaces, hyphens, underscores and middle dots removed. */
  text: string;
  /** `text` with the letters' case kept, for cues that must match it. */
  cased: string;
  /** `cut[i]` is 1 when a boundary falls between `text[i - 1]` and `text[i]` for a reason the text no longer shows. */
  cut: Uint8Array;
  /** Reading length: CJK characters, plus two per Latin word, since a Latin word carries about two characters' worth. */
  units: number;
}

const SEPARATOR = /[\s\-_‐‑‒–·・]/;

export function isCjk(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /^[a-z0-9]$/.test(char);
}

function kind(char: string): 'upper' | 'lower' | 'digit' | 'other' {
  if (char >= 'A' && char <= 'Z') return 'upper';
  if (char >= 'a' && char <= 'z') return 'lower';
  if (char >= '0' && char <= '9') return 'digit';
  return 'other';
}

export function normalize(input: string): NormalText {
  // UTF-16 units, not code points: a surrogate half is never a letter, separator or CJK character,
  // so walking units keeps positions in `text` and `cut` aligned at no cost.
  const source = input.normalize('NFKC');
  const out: string[] = [];
  const kept: string[] = [];
  const cuts: number[] = [];
  let pendingCut = false;
  let units = 0;
  let inWord = false;

  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (SEPARATOR.test(char)) {
      pendingCut = true;
      inWord = false;
      continue;
    }
    const here = kind(char);
    const before = kind(source[index - 1] ?? ' ');
    const after = kind(source[index + 1] ?? ' ');
    const camel =
      (before === 'lower' && here === 'upper') ||
      (before === 'upper' && here === 'upper' && after === 'lower') ||
      (before === 'digit' && (here === 'upper' || here === 'lower')) ||
      ((before === 'upper' || before === 'lower') && here === 'digit');
    if (pendingCut || camel) cuts.push(out.length);
    pendingCut = false;

    if (here === 'upper' || here === 'lower') {
      if (!inWord) units += 2;
      inWord = true;
    } else {
      inWord = false;
      if (isCjk(char.charCodeAt(0))) units += 1;
    }
    kept.push(char);
    // ASCII only: String#toLowerCase would turn "İ" into two code units and shift every position.
    out.push(here === 'upper' ? char.toLowerCase() : char);
  }

  const cased = kept.join('');
  const text = out.join('');
  const cut = new Uint8Array(text.length + 1);
  for (const position of cuts) cut[position] = 1;
  return { text, cased, cut, units };
}

/** A Latin edge of a match must sit on a word boundary, so "ppo" never matches inside "suppose". */
export function isBoundary(normal: NormalText, position: number): boolean {
  if (position <= 0 || position >= normal.text.length) return true;
  if (normal.cut[position] === 1) return true;
  return !(isWordChar(normal.text[position - 1]) && isWordChar(normal.text[position]));
}
