import assert from 'node:assert/strict';
import { DEVSET, DEVSET_ABSENT } from '../seeds.ts';
import { devsetTest } from '../support/devset.ts';
import { devLabels, LITERAL_TERMS, rPrecision, R_PRECISION_TARGET, TOPIC_QUERIES } from './dev-queries.ts';
import { corpusSearch, searchableText } from './seed-engine.ts';

// Built only when the dev set is there; every test below is skipped otherwise.
const dev = DEVSET_ABSENT ? null : await corpusSearch(DEVSET);
const labelOf = DEVSET_ABSENT ? () => [] : devLabels();
const labelled = (topic: string) => new Set(dev!.site.digest.articles.filter((article) => (labelOf(article.sightings[0]!) as string[]).includes(topic)).map((article) => article.url));

for (const { query, topic } of TOPIC_QUERIES) {
  devsetTest(`dev set: ${query} lists ${topic} articles first, R-precision ${R_PRECISION_TARGET} or better`, async () => {
    const urls = (await dev!.search(query)).hits.map((hit) => hit.record.url);
    const precision = rPrecision(urls, labelled(topic));
    assert.ok(precision >= R_PRECISION_TARGET, `${query}: R-precision ${precision.toFixed(3)}`);
  });
}

for (const term of LITERAL_TERMS) {
  devsetTest(`dev set: ${term} finds every article that holds it`, async () => {
    const urls = new Set((await dev!.search(term)).hits.map((hit) => hit.record.url));
    const holding = dev!.records.filter((record) => searchableText(record).includes(term));
    assert.ok(holding.length > 0, `the dev set holds ${term}`);
    for (const record of holding) assert.ok(urls.has(record.url), `${term} finds ${record.title}`);
  });
}
