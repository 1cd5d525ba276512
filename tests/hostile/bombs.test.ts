import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { parseDrop } from '../../src/ingest/index.ts';
import { renderFromText } from '../../src/site/derive.ts';
import { buildDigest } from '../../src/site/digest.ts';
import type { BombReport } from './bomb-worker.ts';
import { BOMBS, bombFeed } from './generated.ts';

// Node 20 does not carry tsx's loader into workers, so a one-line module registers it first.
const WORKER = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register();` +
      `await import(${JSON.stringify(new URL('./bomb-worker.ts', import.meta.url).href)});`,
  )}`,
);

function runBomb(index: number, signal: AbortSignal): Promise<BombReport> {
  const worker = new Worker(WORKER, { workerData: index });
  signal.addEventListener('abort', () => void worker.terminate());
  return new Promise((resolve, reject) => {
    worker.once('message', (report: BombReport) => {
      resolve(report);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker exited with code ${code} before reporting`)));
  });
}

// The timeout is the assertion: each input is sized so that a quadratic step would take minutes.
BOMBS.forEach((bomb, index) => {
  const timeout = (bomb.budget ?? 60) * 1000;
  test(`${bomb.name}: ingest, articles, topics and render take it whole, in linear time`, { timeout }, async (t) => {
    const report = await runBomb(index, t.signal);
    const feed = bombFeed([bomb]);
    assert.equal(report.articles, 1);
    assert.deepEqual(report.sightings, [{ drop: '22_bombs', line: 4 }]);
    assert.deepEqual(report.diagnostics, feed.diagnostics.map((diagnostic) => [...diagnostic, feed.file]));
    assert.ok(report.excerptLength >= bomb.line.length / 2, 'the excerpt is rendered, not dropped');
    assert.deepEqual(report.problems, []);
  });
});

test('a formula nested deeper than a page can hold falls back to its source text with a diagnostic', () => {
  const bomb = BOMBS.find((candidate) => candidate.name.startsWith('300 nested superscripts'))!;
  const feed = bombFeed([bomb]);
  const derived = new Map<string, ReturnType<typeof renderFromText>>();
  const describe = (text: string) => {
    derived.set(text, renderFromText(text));
    return derived.get(text)!.text;
  };
  const digest = buildDigest([parseDrop(feed.file, new TextEncoder().encode(feed.content))], { describe });
  const { excerptHtml } = derived.get(digest.articles[0]!.text)!;
  assert.doesNotMatch(excerptHtml, /class="katex/);
  assert.ok(excerptHtml.includes('x^{x^{x^{'), 'the TeX shows as text');
  assert.deepEqual(
    digest.diagnostics.map((d) => [d.line, d.rule]),
    [[4, 'render:tex-refused']],
  );
});
