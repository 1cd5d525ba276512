// Runs one bomb through ingest, articles, topics and render on a worker thread, so that the
// test runner's timeout can fire while it works: a timer cannot interrupt synchronous code on
// the thread it shares. Reports what the test asserts on, not the megabytes of HTML.
import { parentPort, workerData } from 'node:worker_threads';
import { parseDrop } from '../../src/ingest/index.ts';
import { buildDigest } from '../../src/site/digest.ts';
import { renderFromText, type FullDerivation } from '../../src/site/derive.ts';

type Rendered = Omit<FullDerivation, 'search'>;

/** What the build renders of a text, kept so the test reads the excerpt the build would show. */
function keep(derived: Map<string, Rendered>, text: string): Rendered {
  const derivation = renderFromText(text);
  derived.set(text, derivation);
  return derivation;
}
import { BOMBS, bombFeed } from './generated.ts';
import { nestingError, scanTags, unsafeMarkup } from './html-scan.ts';
import { assertSameText } from './same-text.ts';

export interface BombReport {
  articles: number;
  sightings: Array<{ drop: string; line: number }>;
  diagnostics: Array<[line: number | null, severity: string, rule: string, file: string]>;
  excerptLength: number;
  problems: string[];
}

function markupProblems(html: string, label: string): string[] {
  try {
    const tags = scanTags(html);
    const nesting = nestingError(tags);
    return [...(nesting === null ? [] : [nesting]), ...unsafeMarkup(tags), ...(/katex-error/.test(html) ? ['katex-error'] : [])].map(
      (problem) => `${label}: ${problem}`,
    );
  } catch (error) {
    return [`${label}: ${(error as Error).message}`];
  }
}

const bomb = BOMBS[workerData as number]!;
const feed = bombFeed([bomb]);
const drop = parseDrop(feed.file, new TextEncoder().encode(feed.content));
const derived = new Map<string, Rendered>();
const digest = buildDigest([drop], { describe: (text) => keep(derived, text).text });
const article = digest.articles[0];
const excerptHtml = article === undefined ? '' : derived.get(article.text)!.excerptHtml;
const problems: string[] = [];
if (article !== undefined) {
  try {
    assertSameText(article.text, bomb.line, 'text');
  } catch (error) {
    problems.push((error as Error).message);
  }
  problems.push(
    ...markupProblems(excerptHtml, 'excerpt'),
    ...markupProblems(article.titleHtml, 'title'),
    ...markupProblems(article.summaryHtml, 'summary'),
  );
}
const report: BombReport = {
  articles: digest.articles.length,
  sightings: article?.sightings ?? [],
  diagnostics: digest.diagnostics.map((d) => [d.line, d.severity, d.rule, d.file]),
  excerptLength: excerptHtml.length,
  problems,
};
parentPort?.postMessage(report);
