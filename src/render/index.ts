// The render stage: excerpt text in, safe HTML with typeset math out.
//   text ─segment→ Segment[] ─mdast→ remark-math nodes ─remark-rehype→ hast ─KaTeX→ ─stringify→ HTML
import katex from 'katex';
import type { RenderedText } from '../model.ts';
import { renderText } from './pipeline.ts';
import { LOOSE_TEX_MAX } from './loose-tex.ts';
import { PLACEHOLDER_LABEL } from './rehype-typeset.ts';
import { TYPESET_SETTINGS } from './typeset.ts';

/** An article body: paragraphs, with display formulas between them. */
export function renderExcerpt(text: string): RenderedText {
  return renderText(text, 'block');
}

/** A card title or summary: no `<p>`, and every formula inline. */
export function renderInline(text: string): RenderedText {
  return renderText(text, 'inline');
}

// Bump when segmentation or the HTML shape changes, so that a build cache re-renders.
const RULES_REVISION = 1;

/** Changes whenever the same text could render differently: KaTeX version, options, rules. */
export const RENDERER_VERSION = `katex-${katex.version}+${fnv1a(
  JSON.stringify({ ...TYPESET_SETTINGS, label: PLACEHOLDER_LABEL, looseMax: LOOSE_TEX_MAX, rules: RULES_REVISION }),
)}`;

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
