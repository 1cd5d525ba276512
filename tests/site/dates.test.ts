import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PublicJson } from '../../src/site/public-json.ts';
import { FEEDS } from '../seeds.ts';
import { buildSite } from '../support/build.ts';

const SITE_URL = 'https://example.org/';

async function builtSite() {
  const { outDir } = await buildSite(FEEDS, '/', SITE_URL);
  const json = JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;
  const read = (path: string) => readFile(join(outDir, path), 'utf8');
  return { outDir, json, read };
}

const time = (iso: string) => `<time datetime="${iso}">${iso.slice(0, 10)}</time>`;

test('the seed drops carry the date git added them, in articles.json, and no year is read from a hash', async () => {
  const { outDir, json } = await builtSite();
  for (const drop of json.drops) {
    assert.equal(drop.dateSource, 'git', drop.file);
    assert.match(drop.date, /^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/, drop.file);
  }
  for (const article of json.articles) assert.equal(article.firstSeen, json.drops.find((drop) => drop.id === article.firstDrop)!.date);
  const files = (await readdir(outDir, { recursive: true })).filter((file) => /\.(html|xml|json)$/.test(file));
  for (const file of files) {
    const text = await readFile(join(outDir, file), 'utf8');
    assert.doesNotMatch(text, /\b8521-\d\d-\d\d|\b2000-01-0\d/, `${file} holds a date made up from a name or stood in for one`);
  }
});

test('drop pages and the drops list show when each drop arrived; cards and article pages say 首次出现于 with the day', async () => {
  const { json, read } = await builtSite();
  const dropsList = await read('drops/index.html');
  for (const drop of json.drops) {
    assert.ok((await read(`drops/${drop.id}/index.html`)).includes(`到达于 ${time(drop.date)}`), drop.id);
    assert.ok(dropsList.includes(time(drop.date)), `drops list: ${drop.id}`);
  }
  for (const article of json.articles) {
    const page = await read(`articles/${article.id}/index.html`);
    assert.ok(page.includes(`<p class="dateline">首次出现于 ${time(article.firstSeen!)}</p>`), article.id);
  }
  for (const path of ['index.html', 'topics/attention/index.html', 'topics/other/index.html']) {
    const html = await read(path);
    const metas = [...html.matchAll(/<p class="card-meta">(.*?)<\/p>/g)].map((match) => match[1]!);
    assert.ok(metas.length > 0, path);
    for (const meta of metas) assert.match(meta, /^首次出现于 <time datetime="[^"]+">\d{4}-\d\d-\d\d<\/time>\(<a href="\/drops\/[^"]+\/">第 \d+ 次传输<\/a>\)/, path);
  }
});
