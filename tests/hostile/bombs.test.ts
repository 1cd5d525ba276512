import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDrop } from '../../src/ingest/index.ts';
import { buildDigest } from '../../src/site/digest.ts';
import { BOMBS, bombFeed } from './generated.ts';
import { nestingError, scanTags, unsafeMarkup } from './html-scan.ts';
import { assertSameText } from './same-text.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function assertSoundHtml(html: string, label: string): void {
  const tags = scanTags(html);
  assert.equal(nestingError(tags), null, label);
  assert.deepEqual(unsafeMarkup(tags), [], label);
  assert.doesNotMatch(html, /katex-error/, label);
}

// The timeout is the assertion: each input is sized so that a quadratic step would take minutes.
for (const bomb of BOMBS) {
  test(`${bomb.name}: ingest, articles, topics and render take it whole, in linear time`, { timeout: 60_000 }, () => {
    const feed = bombFeed([bomb]);
    const drop = parseDrop(feed.file, encode(feed.content));
    const digest = buildDigest([drop]);

    assert.equal(digest.articles.length, 1);
    const article = digest.articles[0]!;
    assertSameText(article.text, bomb.line, 'the text is kept whole');
    assert.deepEqual(article.sightings, [{ drop: drop.id, line: 4 }]);
    assert.deepEqual(digest.diagnostics.map((d) => [d.line, d.severity, d.rule]), feed.diagnostics);
    assert.ok(digest.diagnostics.every((d) => d.file === feed.file));
    assert.ok(article.excerptHtml.length >= bomb.line.length / 2, 'the excerpt is rendered, not dropped');
    assertSoundHtml(article.excerptHtml, 'excerpt');
    assertSoundHtml(article.titleHtml, 'title');
    assertSoundHtml(article.summaryHtml, 'summary');
  });
}

test('a formula nested deeper than a page can hold falls back to its source text with a diagnostic', () => {
  const bomb = BOMBS.find((candidate) => candidate.name.startsWith('300 nested superscripts'))!;
  const feed = bombFeed([bomb]);
  const digest = buildDigest([parseDrop(feed.file, encode(feed.content))]);
  const article = digest.articles[0]!;
  assert.doesNotMatch(article.excerptHtml, /class="katex/);
  assert.ok(article.excerptHtml.includes('x^{x^{x^{'), 'the TeX shows as text');
  assert.deepEqual(
    digest.diagnostics.map((d) => [d.line, d.rule]),
    [[4, 'render:tex-refused']],
  );
});
