// `npm run lighthouse [-- --desktop] [-- --dark]`: builds the bundled feeds with the local
// server's own URL as the site URL, serves them, and prints Lighthouse's four scores and the
// main metrics for each page kind. Performance is measured here, never asserted in a test.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FEEDS } from '../tests/seeds.ts';
import { runDigest } from '../tests/support/build.ts';
import { CATEGORIES, runLighthouse } from '../tests/support/lighthouse.ts';
import { pageKindUrls } from '../tests/support/page-kinds.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const { values } = parseArgs({ options: { desktop: { type: 'boolean', default: false }, dark: { type: 'boolean', default: false } } });
const outDir = join(await mkdtemp(join(tmpdir(), 'digest-lighthouse-')), 'site');
const server = await serveStatic(outDir, '/');
await runDigest(['build', '--feeds', FEEDS, '--out', outDir, '--cache', '', '--site-url', `${server.origin}/`]);
const kinds = await pageKindUrls(outDir, `${server.origin}/`);
const pages = await runLighthouse(Object.values(kinds), {
  formFactor: values.desktop ? 'desktop' : 'mobile',
  colorScheme: values.dark ? 'dark' : 'light',
});
await server.close();

console.log(`Lighthouse, ${values.desktop ? 'desktop' : 'mobile'}, ${values.dark ? 'dark' : 'light'} mode\n`);
console.log(`| page | ${CATEGORIES.join(' | ')} | CLS | LCP ms | TBT ms |`);
console.log(`|---|${CATEGORIES.map(() => '---').join('|')}|---|---|---|`);
Object.keys(kinds).forEach((kind, index) => {
  const { scores, metrics } = pages[index]!;
  const cells = CATEGORIES.map((category) => String(Math.round((scores[category] ?? 0) * 100)));
  console.log(`| ${kind} | ${cells.join(' | ')} | ${metrics.cls?.toFixed(3)} | ${Math.round(metrics.lcpMs ?? 0)} | ${Math.round(metrics.tbtMs ?? 0)} |`);
});
const failing = pages.flatMap((page) => page.failing.map((audit) => `${page.url} ${audit}`));
if (failing.length > 0) console.log(`\nBelow 1:\n${failing.join('\n')}`);
