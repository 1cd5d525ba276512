// The unified pipeline behind renderExcerpt and renderInline.
import type { ElementContent, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdastRoot, Text as MdastText } from 'mdast';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { RenderDiagnostic, RenderedText } from '../model.ts';
import { excerptTree } from './mdast.ts';
import { rehypeTypesetMath } from './rehype-typeset.ts';
import { type Layout, segmentExcerpt } from './segment.ts';

type Handler = NonNullable<NonNullable<RemarkRehypeOptions['handlers']>['root']>;
type State = Parameters<Handler>[0];

// remark-rehype's defaults assume parsed Markdown: they put newlines between root children and
// trim spaces around line endings. Our text was never Markdown, so both would change it.
// (mdast-util-to-hast's Handler type has no room for a root result, though its own root
// handler returns one; hence the cast.)
const root = ((state: State, node: MdastRoot): Root => ({ type: 'root', children: state.all(node) })) as unknown as Handler;
const text = (_state: State, node: MdastText): ElementContent => ({ type: 'text', value: node.value });

/** mdast (remark-math nodes included) in, HTML out. */
export const excerptProcessor = unified()
  .use(remarkRehype, { handlers: { root, text } })
  .use(rehypeTypesetMath)
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
  .freeze();

export interface RenderedTree {
  tree: Root;
  diagnostics: RenderDiagnostic[];
}

/**
 * A text without a formula (most titles and summaries) becomes paragraphs of text, which is all
 * remark-rehype would make of it: built directly, it skips a unified run per text, a third of
 * the cost of deriving an article. tests/render/render.test.ts holds it to unified's output.
 */
function plainTree(mdast: MdastRoot): Root | null {
  const children: ElementContent[] = [];
  for (const node of mdast.children) {
    if (node.type === 'text') children.push({ type: 'text', value: node.value });
    else if (node.type === 'paragraph' && node.children.every((child) => child.type === 'text')) {
      children.push({ type: 'element', tagName: 'p', properties: {}, children: node.children.map((child) => ({ type: 'text', value: child.value })) });
    } else return null;
  }
  return { type: 'root', children };
}

/** The hast before serialization, for callers that inspect structure rather than HTML. */
export function renderTree(text: string, layout: Layout): RenderedTree {
  const mdast = excerptTree(segmentExcerpt(text, layout), layout);
  const plain = plainTree(mdast);
  if (plain !== null) return { tree: plain, diagnostics: [] };
  const file = new VFile({ value: text });
  const tree = excerptProcessor.runSync(mdast, file);
  const diagnostics = file.messages.map(
    (message): RenderDiagnostic => ({
      severity: 'warning',
      rule: `${message.source ?? 'render'}:${message.ruleId ?? 'unknown'}`,
      message: message.reason,
    }),
  );
  return { tree, diagnostics };
}

export function renderText(text: string, layout: Layout): RenderedText {
  const { tree, diagnostics } = renderTree(text, layout);
  return { html: excerptProcessor.stringify(tree), diagnostics };
}
