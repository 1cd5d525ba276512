// How text becomes index keys, shared by the build (articles) and the browser (queries), so the
// two can never segment differently — the failure FINDINGS measured in Pagefind.
//
// Chinese (and any Han, kana or Hangul run) is cut into single characters and overlapping
// character bigrams: a dictionary segmenter splits 卷积 or 强化学习 differently in Node and in
// each browser, while every substring of two or more characters is covered by its bigrams.
// Everything else that is a letter or digit forms lowercased words.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A CJK run, or a run of other letters and digits; everything else separates. */
const PIECE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\s\p{P}\p{S}\p{Z}\p{C}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
/** Parts of a mixed-case word: ActorCritic → Actor, Critic; ResNet50 → Res, Net, 50. */
const WORD_PART = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+/gu;
const MARKS = /\p{M}+/gu;

export const isCjk = (text: string): boolean => CJK.test(text);

export interface Piece {
  text: string;
  cjk: boolean;
}

/**
 * Words and CJK runs in order, lowercased; `original` keeps the case, for splitting camelCase.
 * NFKC folds full-width letters (ＶｉＴ) and compatibility forms; marks go, so ö matches o.
 */
function pieces(text: string): { normalized: string; original: string; cjk: boolean }[] {
  const folded = text.normalize('NFKC').normalize('NFD').replace(MARKS, '').normalize('NFC');
  return [...folded.matchAll(PIECE)].map(([original]) => ({ original, normalized: original.toLowerCase(), cjk: isCjk(original) }));
}

/** Every key an article's text is indexed under (with repeats; the builder keeps the set). */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const piece of pieces(text)) {
    if (piece.cjk) {
      const chars = Array.from(piece.normalized);
      chars.forEach((char, index) => {
        tokens.push(char);
        const next = chars[index + 1];
        if (next !== undefined) tokens.push(char + next);
      });
    } else {
      tokens.push(piece.normalized);
      // The scrape glues words (ActorCritic, TemporalDifference): index the parts too, so that
      // "critic" finds ActorCritic, the way a substring search would. Shorter parts are mostly
      // letters of an acronym (ViT, DiT) and would only add noise.
      const parts = piece.original.match(WORD_PART) ?? [];
      if (parts.length > 1) for (const part of parts) if (part.length >= 3) tokens.push(part.toLowerCase());
    }
  }
  return tokens;
}

/** What a reader typed, as terms: CJK runs and Latin words, normalized, in order. */
export function queryPieces(query: string): Piece[] {
  return pieces(query).map(({ normalized, cjk }) => ({ text: normalized, cjk }));
}

/**
 * Bigrams that together cover a CJK term, at most `limit` of them: a document holding the term
 * holds all of them, and fewer keys mean fewer index files to fetch. Fuse checks the real term.
 */
export function coveringBigrams(term: string, limit = 4): string[] {
  const chars = Array.from(term);
  if (chars.length < 2) return [];
  const starts: number[] = [];
  for (let start = 0; start < chars.length - 1; start += 2) starts.push(start);
  if (chars.length % 2 === 1) starts.push(chars.length - 2);
  const picked =
    starts.length <= limit
      ? starts
      : Array.from({ length: limit }, (_, index) => starts[Math.round((index * (starts.length - 1)) / (limit - 1))]!);
  return [...new Set(picked.map((start) => chars[start]! + chars[start + 1]!))];
}
