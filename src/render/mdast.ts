// Builds remark-math's `inlineMath` / `math` nodes straight from segments, with the same hast
// hints (`hName`, `hProperties`, `hChildren`) that mdast-util-math sets, so the text is never
// parsed as Markdown and cannot turn into a list, emphasis, a link or raw HTML.
import type { Element } from 'hast';
import type { PhrasingContent, PhrasingContentMap, Root, RootContent, RootContentMap } from 'mdast';
// remark-math's types declare `inlineMath` and `math` in mdast's content maps.
import type {} from 'remark-math';
import type { Layout, Segment } from './segment.ts';
import { PLACEHOLDER_TEX } from './typeset.ts';

type MathSegment = Exclude<Segment, { kind: 'text' }>;

type InlineMath = PhrasingContentMap['inlineMath'];
type DisplayMath = RootContentMap['math'];

export function excerptTree(segments: readonly Segment[], layout: Layout): Root {
  if (layout === 'inline') return { type: 'root', children: segments.map(phrasing) };
  const children: RootContent[] = [];
  let paragraph: PhrasingContent[] = [];
  const closeParagraph = (): void => {
    const [only] = paragraph;
    // Whitespace between two display formulas is kept, but is not a paragraph of its own.
    if (paragraph.length === 1 && only?.type === 'text' && only.value.trim() === '') children.push(only);
    else if (paragraph.length > 0) children.push({ type: 'paragraph', children: paragraph });
    paragraph = [];
  };
  for (const segment of segments) {
    if (segment.kind !== 'text' && segment.display) {
      closeParagraph();
      children.push(displayMathNode(segment));
    } else {
      paragraph.push(phrasing(segment));
    }
  }
  closeParagraph();
  return { type: 'root', children };
}

function phrasing(segment: Segment): PhrasingContent {
  return segment.kind === 'text' ? { type: 'text', value: segment.value } : inlineMathNode(segment);
}

/** remark-math's `math` node for a display segment: a block between paragraphs. */
export function displayMathNode(segment: MathSegment): DisplayMath {
  return { type: 'math', value: texOf(segment), data: { hName: 'pre', hChildren: [mathCode(segment)] } };
}

/** remark-math's `inlineMath` node for a segment inside a paragraph. */
export function inlineMathNode(segment: MathSegment): InlineMath {
  const code = mathCode(segment);
  return {
    type: 'inlineMath',
    value: texOf(segment),
    data: { hName: 'code', hProperties: code.properties, hChildren: code.children },
  };
}

function texOf(segment: MathSegment): string {
  return segment.kind === 'placeholder' ? PLACEHOLDER_TEX : segment.tex;
}

// The marker classes and `dataSource` only guide the typesetter, which replaces the element.
function mathCode(segment: MathSegment): Element {
  const className = ['language-math', segment.display ? 'math-display' : 'math-inline'];
  if (segment.kind === 'placeholder') className.push('math-placeholder');
  if (segment.kind === 'tex' && segment.loose) className.push('math-loose');
  return {
    type: 'element',
    tagName: 'code',
    properties: { className, dataSource: segment.source },
    children: [{ type: 'text', value: texOf(segment) }],
  };
}
