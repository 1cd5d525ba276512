import assert from 'node:assert/strict';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { dropIdOf } from '../../src/ingest/drop-id.ts';
import { runDigest } from '../support/build.ts';
import { FIXTURE_CASES, HOSTILE_FEEDS, type FixtureCase } from './cases.ts';
import { BOMBS, bigDropFeed, bombFeed, hostileFolder, longLineFeed } from './generated.ts';
import { hostileSite, type HostileSite } from './hostile-site.ts';
import { assertSameText } from './same-text.ts';
import { siteProblems } from './site-scan.ts';
import { scratchFolder } from '../support/scratch.ts';

// The 100,000 [Math] bomb is left to bombs.test.ts: its page alone is 99 MB (about 1 KB of KaTeX
// markup per placeholder), which would triple this build's time and memory.
const GENERATED = [longLineFeed(), bigDropFeed(), bombFeed(BOMBS.filter((bomb) => bomb.name !== '100,000 [Math]'))];
const CASES: FixtureCase[] = [...FIXTURE_CASES, ...GENERATED];
const EXPECTED_ARTICLES = CASES.reduce((sum, fixture) => sum + fixture.entries.length, 0);

let feeds: Promise<string> | undefined;

/** One real `digest build` of the whole hostile folder, generated feeds included, per process. */
async function hostileBuild(): Promise<HostileSite> {
  feeds ??= hostileFolder(GENERATED);
  return hostileSite(await feeds);
}

const placeOf = (line: number | null): string => (line === null ? '' : `:${line}`);

test('digest build reads the hostile folder to the end and exits 0, since some articles could be read', { timeout: 240_000 }, async () => {
  const { stdout, json } = await hostileBuild();
  assert.match(stdout, new RegExp(`${CASES.length} drops, ${EXPECTED_ARTICLES} entries, ${EXPECTED_ARTICLES} distinct articles`));
  assert.equal(json.articles.length, EXPECTED_ARTICLES);
  assert.deepEqual(json.drops.map((drop) => drop.file), CASES.map((fixture) => fixture.file));
});

test('every readable entry is in articles.json with its text, source and cut exactly as written', { timeout: 240_000 }, async () => {
  const { json } = await hostileBuild();
  const bySighting = new Map(json.articles.flatMap((article) => article.sightings.map((s) => [`${s.drop}:${s.line}`, article])));
  for (const fixture of CASES) {
    const drop = dropIdOf(fixture.file);
    for (const entry of fixture.entries) {
      const where = `${fixture.file}:${entry.line}`;
      const article = bySighting.get(`${drop}:${entry.line}`);
      assert.ok(article, `${where} is an article`);
      assertSameText(article.text, entry.text, where);
      assert.equal(article.source, entry.source ?? null, `${where} source`);
      assert.equal(article.truncated, entry.truncated ?? false, `${where} truncated`);
    }
  }
});

test('each drop names its problems with their lines, in articles.json and on its page', { timeout: 240_000 }, async () => {
  const { json, outDir } = await hostileBuild();
  for (const fixture of CASES) {
    const drop = json.drops.find((candidate) => candidate.file === fixture.file);
    assert.ok(drop, fixture.file);
    assert.deepEqual(drop.diagnostics.map((d) => [d.line, d.severity, d.rule]), fixture.diagnostics, fixture.file);
    assert.ok(drop.diagnostics.every((d) => d.file === fixture.file), fixture.file);
    const page = await readFile(join(outDir, 'drops', drop.id, 'index.html'), 'utf8');
    for (const diagnostic of drop.diagnostics) {
      assert.ok(page.includes(`<code>${fixture.file}${placeOf(diagnostic.line)}</code>`), `${fixture.file} page names ${diagnostic.rule}`);
      assert.ok(page.includes(`<code class="rule">${diagnostic.rule}</code>`), `${fixture.file} page shows ${diagnostic.rule}`);
    }
  }
});

test('digest check prints every problem as file:line: severity and exits 1 because a file is binary', { timeout: 240_000 }, async () => {
  const { feeds } = await hostileBuild();
  const failure = await runDigest(['check', '--feeds', feeds]).then(
    () => assert.fail('digest check exited 0'),
    (error: { code: number; stderr: string }) => error,
  );
  assert.equal(failure.code, 1);
  const printed = failure.stderr.split('\n');
  for (const fixture of CASES) {
    for (const [line, severity, rule] of fixture.diagnostics) {
      const head = `/${fixture.file}${placeOf(line)}: ${severity}: `;
      assert.ok(printed.some((row) => row.includes(head) && row.endsWith(`(${rule})`)), `${head}… (${rule})`);
    }
  }
});

test('digest check exits 0 when every problem is a warning', async () => {
  const feeds = scratchFolder('digest-warnings-');
  for (const file of ['03_no-header.txt', '06_nul-in-line.txt']) await copyFile(join(HOSTILE_FEEDS, file), join(feeds, file));
  const { stderr } = await runDigest(['check', '--feeds', feeds]);
  assert.match(stderr, /03_no-header\.txt:1: warning: missing header/);
  assert.match(stderr, /06_nul-in-line\.txt:4: warning: NUL or control characters removed/);
});

test('a folder where no file yields an article: digest build exits 1 and names every file', async () => {
  const feeds = scratchFolder('digest-unreadable-');
  const files = ['00_empty.txt', '01_binary-junk.txt', '04_header-only.txt'];
  for (const file of files) await copyFile(join(HOSTILE_FEEDS, file), join(feeds, file));
  await assert.rejects(runDigest(['build', '--feeds', feeds, '--out', join(feeds, 'site'), '--cache', '']), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 1);
    for (const file of files) assert.ok(error.stderr.includes(`/${file}: `), file);
    assert.match(error.stderr, /no article could be read/);
    return true;
  });
});

test('no page or feed of the hostile build has a handler, a script URL, inline script, broken markup or a missing CSP', { timeout: 240_000 }, async () => {
  const { outDir } = await hostileBuild();
  const { pages, problems } = await siteProblems(outDir);
  assert.ok(pages > EXPECTED_ARTICLES, `${pages} pages`);
  assert.deepEqual(problems, []);
});
