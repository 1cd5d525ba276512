import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { READER_CLIENT_PATH } from '../../src/reader/index.ts';
import { FEEDS } from '../seeds.ts';
import { buildSite } from '../support/build.ts';

/** The budget: what the reader features add to a page, gzipped. */
const BUDGET_GZIP_BYTES = 6 * 1024;

test('the reader client is one module of at most 6 KB gzip, loaded from the site itself by every page', async () => {
  const { outDir } = await buildSite(FEEDS);
  const bundle = await readFile(join(outDir, READER_CLIENT_PATH));
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  assert.ok(gzipped <= BUDGET_GZIP_BYTES, `reader.js is ${gzipped} bytes gzip`);
  const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
  assert.ok(pages.length > 40);
  for (const file of pages) {
    const html = await readFile(join(outDir, file), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes!.trim());
    assert.ok(scripts.includes(`type="module" src="${READER_CLIENT_PATH}"`), `${file} loads the reader client`);
    for (const script of scripts) assert.match(script, /^type="module" src="\/assets\/[a-z-]+\.js"$/, file);
  }
});
