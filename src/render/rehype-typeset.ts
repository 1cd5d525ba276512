// Replaces each math `code` (or display `pre > code`) with cached KaTeX hast, a placeholder
// glyph, or, when KaTeX refuses the TeX, the source text itself: never a red `katex-error`.
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { typesetFormula, typesetPlaceholder } from './typeset.ts';

export const PLACEHOLDER_LABEL = '公式未收录 / formula not in source';

interface MathElement {
  tex: string;
  /** What the excerpt said: `[Math]`, `\(x\)`, `x_i`. */
  source: string;
  display: boolean;
  placeholder: boolean;
  loose: boolean;
}

export function rehypeTypesetMath() {
  return (tree: Root, file: VFile): undefined => {
    visit(tree, 'element', (node, index, parent) => {
      const math = mathOf(node);
      if (math === undefined || parent === undefined || index === undefined) return undefined;
      const replacement = typesetMath(math, node, file);
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}

function mathOf(node: Element): MathElement | undefined {
  const code = node.tagName === 'pre' && node.children.length === 1 ? node.children[0] : node;
  if (code?.type !== 'element' || code.tagName !== 'code') return undefined;
  const classes = code.properties.className;
  if (!Array.isArray(classes) || !classes.includes('language-math')) return undefined;
  const tex = toText(code, { whitespace: 'pre' });
  const source = code.properties.dataSource;
  return {
    tex,
    source: typeof source === 'string' ? source : tex,
    display: node !== code || classes.includes('math-display'),
    placeholder: classes.includes('math-placeholder'),
    loose: classes.includes('math-loose'),
  };
}

function typesetMath(math: MathElement, node: Element, file: VFile): ElementContent[] {
  if (math.placeholder) {
    const glyph = typesetPlaceholder(math.display);
    const kind = math.display ? 'display' : 'inline';
    return [
      h(
        math.display ? 'div' : 'span',
        {
          className: ['math-placeholder', `math-placeholder--${kind}`],
          role: 'img',
          title: PLACEHOLDER_LABEL,
          ariaLabel: PLACEHOLDER_LABEL,
        },
        glyph.ok ? [...glyph.nodes] : [math.source],
      ),
    ];
  }
  const formula = typesetFormula(math.tex, math.display);
  if (formula.ok) return [...formula.nodes];
  // Loose TeX was only a guess, so KaTeX turning it down is an answer, not a problem.
  if (!math.loose) {
    file.message(`could not typeset ${clip(math.source)} (${formula.reason}); shown as text`, {
      place: node.position,
      ruleId: formula.rule,
      source: 'render',
    });
  }
  // Display math sits between paragraphs, so its fallback text becomes one.
  return [math.display ? h('p', math.source) : { type: 'text', value: math.source }];
}

function clip(source: string): string {
  return source.length > 80 ? `${source.slice(0, 77)}...` : source;
}
