import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { FEEDS } from '../seeds.ts';
import { buildSite } from '../support/build.ts';

test('a page links KaTeX\'s stylesheet and preloads its fonts exactly when it shows math', async () => {
  const { outDir } = await buildSite(FEEDS);
  const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
  const kinds = { math: new Set<string>(), plain: new Set<string>() };
  for (const file of pages) {
    const html = await readFile(join(outDir, file), 'utf8');
    const [head, body] = html.split('<body>');
    const math = body!.includes('class="katex"');
    kinds[math ? 'math' : 'plain'].add(file.split('/')[0]!);
    assert.equal(head!.includes('/assets/katex/katex.min.css'), math, `${file}: KaTeX stylesheet`);
    assert.equal(head!.includes('KaTeX_Main-Regular.woff2'), math, `${file}: Main-Regular preload`);
    assert.equal(head!.includes('KaTeX_Math-Italic.woff2'), math && body!.includes('mathnormal'), `${file}: Math-Italic preload`);
  }
  // Article pages with and without math: a head wrongly shared between pages of a kind would show.
  assert.ok(kinds.math.has('articles') && kinds.plain.has('articles'));
});
