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

// Character kinds by UTF-16 unit, as numbers: normalize runs over every character of every text
// several times per article, and comparing codes beats making and comparing one-character strings.
const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

function kindOf(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return UPPER;
  if (code >= 0x61 && code <= 0x7a) return LOWER;
  if (code >= 0x30 && code <= 0x39) return DIGIT;
  return OTHER;
}

const isLatin = (kind: number): boolean => kind === UPPER || kind === LOWER;

export function normalize(input: string): NormalText {
  // UTF-16 units, not code points: a surrogate half is never a letter, separator or CJK character,
  // so walking units keeps positions in `text` and `cut` aligned at no cost.
  const source = input.normalize('NFKC');
  const kept: string[] = [];
  const cuts: number[] = [];
  let keptLength = 0;
  let runStart = 0;
  let pendingCut = false;
  let units = 0;
  let inWord = false;
  let before = OTHER;
  let here = OTHER;
  let next = source.length > 0 ? kindOf(source.charCodeAt(0)) : OTHER;

  for (let index = 0; index < source.length; index++) {
    before = here;
    here = next;
    // Past the end, as after a space.
    next = index + 1 < source.length ? kindOf(source.charCodeAt(index + 1)) : OTHER;
    const code = source.charCodeAt(index);
    // Letters, digits and CJK are never separators: only the rest need the pattern.
    if (here === OTHER && !isCjk(code) && SEPARATOR.test(source[index]!)) {
      if (index > runStart) kept.push(source.slice(runStart, index));
      runStart = index + 1;
      pendingCut = true;
      inWord = false;
      continue;
    }
    const camel =
      (before === LOWER && here === UPPER) ||
      (before === UPPER && here === UPPER && next === LOWER) ||
      (before === DIGIT && isLatin(here)) ||
      (isLatin(before) && here === DIGIT);
    if (pendingCut || camel) cuts.push(keptLength);
    pendingCut = false;

    if (isLatin(here)) {
      if (!inWord) units += 2;
      inWord = true;
    } else {
      inWord = false;
      if (isCjk(code)) units += 1;
    }
    keptLength++;
  }
  if (runStart < source.length) kept.push(source.slice(runStart));

  const cased = kept.join('');
  // ASCII only: String#toLowerCase on the whole text would turn "İ" into two code units and shift every position.
  const text = cased.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
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
