import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT } from '../support/build.ts';
import { seedSearch } from './seed-engine.ts';

interface QualityCase {
  query: string;
  topics?: string[];
  first?: string[];
  found?: string[];
  absent?: string[];
}

const fixture = JSON.parse(await readFile(join(PROJECT, 'tests/fixtures/search.quality.json'), 'utf8')) as { queries: QualityCase[] };
// The index as the build ships it, default chunk and shard sizes.
const seeds = await seedSearch();

/** The one article whose excerpt holds the substring, by URL. */
function articleNamed(substring: string): string {
  const matches = seeds.site.digest.articles.filter((article) => article.text.includes(substring));
  assert.equal(matches.length, 1, `"${substring}" must name exactly one seed article, named ${matches.length}`);
  return matches[0]!.url;
}

for (const { query, topics = [], first = [], found = [], absent = [] } of fixture.queries) {
  const label = topics.length > 0 ? `${query} [${topics.join(', ')}]` : query;
  test(`search quality: ${label}`, async () => {
    const urls = (await seeds.search(query, topics)).hits.map((hit) => hit.record.url);
    assert.deepEqual(urls.slice(0, first.length).sort(), first.map(articleNamed).sort(), `${label}: the first ${first.length}`);
    for (const substring of found) assert.ok(urls.includes(articleNamed(substring)), `${label} finds "${substring}"`);
    for (const substring of absent) assert.ok(!urls.includes(articleNamed(substring)), `${label} must not find "${substring}"`);
  });
}
