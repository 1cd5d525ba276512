// The text an article is searched and shown by in results: plain, with every formula gone.
// Placeholders ([Math], [公式], [Formula]) and TeX (`\(x_i\)`, loose `p_{data}`) are found by the
// render stage's own segmenter, so search and pages agree on what is a formula; each becomes `⋯`,
// which no query can match.
import { segmentExcerpt } from '../render/segment.ts';

const FORMULA_MARK = '⋯';

/** Longer excerpts are damage or an attack; real ones stay well under this. */
export const MAX_BODY_LENGTH = 1_000;

/** A run of characters between spaces and Chinese: the unit leftover TeX is dropped in. */
const RUN = /[^\s\p{Script=Han}]+/gu;
/** A command, a brace script or a caret; an underscore alone is snake_case (max_len), a word. */
const TEX_TRIGGER = /\\[A-Za-z{}()[\]]|[_^]\{|\^/u;

/**
 * TeX the renderer leaves as text is still formula source: an opener the excerpt cut off before
 * its closer (`…记为 \(x\in`) or a run its loose-TeX scanner declined (`\{(x_i, y^_i)\}_{i=1}^n`).
 * Runs are matched one by one, never with a backtracking pattern, so a hostile line stays linear.
 */
const dropLeftoverTex = (text: string): string =>
  // A run holds a trigger only if the text does: most texts have none, and skip the walk over their runs.
  TEX_TRIGGER.test(text) ? text.replace(RUN, (run) => (TEX_TRIGGER.test(run) ? ` ${FORMULA_MARK} ` : run)) : text;

export function plainText(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  const plain = segmentExcerpt(text, 'inline')
    .map((segment) => (segment.kind === 'text' ? dropLeftoverTex(segment.value) : ` ${FORMULA_MARK} `))
    .join('')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/⋯(?: ⋯)+/g, FORMULA_MARK)
    .trim();
  const chars = Array.from(plain);
  return chars.length > maxLength ? chars.slice(0, maxLength).join('') : plain;
}
