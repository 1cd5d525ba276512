// Checks "text in, text out": walking the rendered tree, every text node continues the input
// exactly, and every typeset element stands for a math segment starting at that very point.
import assert from 'node:assert/strict';
import type { Nodes } from 'hast';
import { renderTree } from '../../src/render/pipeline.ts';
import { type Layout, segmentExcerpt } from '../../src/render/segment.ts';

const MATH_CLASSES = ['katex', 'katex-display', 'math-placeholder'];

type Item = { text: string } | { math: true };

function items(node: Nodes): Item[] {
  if (node.type === 'text') return [{ text: node.value }];
  if (node.type === 'element') {
    const classes = node.properties.className;
    if (Array.isArray(classes) && classes.some((c) => MATH_CLASSES.includes(String(c)))) return [{ math: true }];
  }
  return 'children' in node ? node.children.flatMap(items) : [];
}

/** Asserts the rendering of `text` preserves it, and returns how many math elements it holds. */
export function assertTextPreserved(text: string, layout: Layout): number {
  const mathAt = new Map<number, string>();
  let offset = 0;
  for (const segment of segmentExcerpt(text, layout)) {
    const source = segment.kind === 'text' ? segment.value : segment.source;
    if (segment.kind !== 'text') mathAt.set(offset, source);
    offset += source.length;
  }
  assert.equal(offset, text.length, 'segments cover the text exactly');

  let at = 0;
  let math = 0;
  for (const item of items(renderTree(text, layout).tree)) {
    if ('text' in item) {
      assert.equal(text.slice(at, at + item.text.length), item.text, `text at offset ${at}`);
      at += item.text.length;
    } else {
      const source = mathAt.get(at);
      assert.ok(source !== undefined, `a math element at offset ${at} matches a math segment`);
      at += source.length;
      math++;
    }
  }
  assert.equal(at, text.length, 'the rendering accounts for the whole text');
  return math;
}
