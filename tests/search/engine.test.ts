import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SearchEngine } from '../../src/search/engine.ts';
import { searchableText, seedSearch } from './seed-engine.ts';

// Tiny chunks, shards and segments, so that lookups cross chunk boundaries and join segments
// as they do at 10,000 articles: the seeds' postings split into documents 0–31 and 32 on.
const seeds = await seedSearch({ chunkBytes: 3_000, recordsPerShard: 2, tailShare: 4, minTail: 8 });
const { records } = seeds;

/** URLs of the articles whose searchable text holds any of the spellings: what a search must find. */
const holding = (...spellings: string[]): string[] =>
  records.filter((record) => spellings.some((spelt) => searchableText(record).toLowerCase().includes(spelt.toLowerCase()))).map((record) => record.url);
const found = async (query: string, topics: string[] = []): Promise<string[]> => (await seeds.search(query, topics)).hits.map((hit) => hit.record.url);
const sameSet = (actual: string[], expected: string[], message: string) => assert.deepEqual([...actual].sort(), [...expected].sort(), message);
/** URLs of the articles tagged with a topic or leaning toward it: what a query naming the topic adds to its words. */
const ofTopic = (topic: string): string[] =>
  records.filter((record) => record.topics.includes(topic) || record.leaning?.includes(topic) === true).map((record) => record.url);
const union = (...lists: string[][]): string[] => [...new Set(lists.flat())];
/** 2 for an article tagged with the topic, 1 for one leaning toward it, 0 for the rest: the order a query naming the topic lists them in. */
const tierOf = (record: (typeof records)[number], topic: string): number => (record.topics.includes(topic) ? 2 : record.leaning?.includes(topic) ? 1 : 0);

test('a Chinese query finds every article holding it as a substring, and only those', async () => {
  for (const query of ['策略梯度', '感受野', '时序差分', '混合专家', '随机微分方程']) {
    const expected = holding(query);
    assert.ok(expected.length > 0, `the seeds hold ${query}`);
    sameSet(await found(query), expected, query);
  }
  sameSet(await found('扩散'), union(holding('扩散', 'diffusion'), ofTopic('diffusion')), '扩散 names a topic: its articles, and its words and synonym');
});

test('a one-character Chinese query works', async () => {
  sameSet(await found('熵'), holding('熵'), '熵');
  assert.ok((await found('梯')).length >= (await found('梯度')).length);
});

test('English queries ignore case', async () => {
  const expected = holding('softmax');
  assert.ok(expected.length > 0);
  for (const query of ['softmax', 'Softmax', 'SOFTMAX']) sameSet(await found(query), expected, query);
  sameSet(await found('transformer'), await found('Transformer'), 'Transformer');
});

test('every term of a mixed query must match, in any field', async () => {
  const classification = holding('分类', 'classification');
  // Transformer names the attention topic, so its articles count as matching that term.
  const expected = union(holding('transformer'), ofTopic('attention')).filter((url) => classification.includes(url));
  assert.ok(expected.length > 0 && expected.length < Math.min(holding('transformer').length, classification.length));
  sameSet(await found('Transformer 分类'), expected, 'Transformer 分类');
  sameSet(await found('Transformer分类'), expected, 'Transformer分类, unspaced');
  sameSet(await found('ViT 分类'), holding('vit').filter((url) => classification.includes(url)), 'ViT 分类');
  assert.deepEqual(await found('Swin 策略梯度'), [], 'terms from two articles match neither');
});

test('a misspelt Latin word finds the word meant, below exact matches', async () => {
  const transformer = holding('transformer');
  for (const typo of ['tranformer', 'transformr', 'trasnformer']) {
    const urls = await found(typo);
    for (const url of transformer) assert.ok(urls.includes(url), `${typo} finds ${url}`);
  }
  // One article spells it "Transfomer": typed that way, it is the exact match and comes first.
  const hits = (await seeds.search('transfomer')).hits;
  assert.match(hits[0]!.record.title, /Transfomer/);
  assert.ok(hits.length > 1 && hits.slice(1).every((hit) => hit.score < hits[0]!.score));
});

test('core terms are found across languages, both ways', async () => {
  const pairs: [string, string][] = [
    ['注意力', 'attention'],
    ['强化学习', 'reinforcement learning'],
    ['卷积', 'convolution'],
    ['目标检测', 'object detection'],
    ['视觉', 'vision'],
  ];
  const topicOf: Record<string, string> = { 注意力: 'attention', 强化学习: 'rl', 视觉: 'vision' };
  for (const [chinese, english] of pairs) {
    const topic = topicOf[chinese];
    const expected = union(holding(chinese, english), topic === undefined ? [] : ofTopic(topic));
    sameSet(await found(chinese), expected, chinese);
    sameSet(await found(english), expected, english);
  }
  assert.ok(holding('attention').some((url) => !holding('注意力').includes(url)), 'a synonym adds articles');
  sameSet(await found('RL'), union(holding('强化学习', 'reinforcement learning'), ofTopic('rl')), 'RL');
});

test('title matches rank above key-term and body matches, exact above synonyms', async () => {
  // Transformer names the attention topic: tagged articles first, then leaning ones, then the
  // rest; within each tier, title matches first.
  const topicOf: Record<string, string> = { Transformer: 'attention' };
  for (const query of ['Transformer', 'CLIP', '时序差分', 'Swin', 'softmax']) {
    const hits = (await seeds.search(query)).hits;
    const topic = topicOf[query];
    const tiers = hits.map((hit) => (topic === undefined ? 0 : tierOf(hit.record, topic)));
    assert.deepEqual(tiers, [...tiers].sort((a, b) => b - a), `${query}: topic tiers in order`);
    const inTitle = hits.map((hit) => hit.record.title.toLowerCase().includes(query.toLowerCase()));
    assert.ok(inTitle[0], `${query}: the first hit has it in the title`);
    for (const tier of new Set(tiers)) {
      const inTier = inTitle.filter((_, index) => tiers[index] === tier);
      assert.ok(inTier.lastIndexOf(true) < inTier.indexOf(false) || !inTier.includes(false), `${query}: title hits first in tier ${tier}`);
    }
  }
  // Across a synonym too: 注意力 or Attention in the title or key terms beats either in the body alone,
  // within each tier of the attention topic.
  const attention = (await seeds.search('注意力')).hits;
  const rank = attention.map((hit) => tierOf(hit.record, 'attention') * 2 + (/注意力|attention/i.test([hit.record.title, ...hit.record.keyTerms].join(' ')) ? 1 : 0));
  assert.ok(rank.some((value) => value % 2 === 0) && rank.some((value) => value % 2 === 1), 'the seeds have both kinds');
  assert.deepEqual(rank, [...rank].sort((a, b) => b - a));
});

test('formula placeholders and TeX never match', async () => {
  for (const query of ['Math', 'Formula', 'mathop', 'p_{data}', 'x_i', 'frac']) assert.deepEqual(await found(query), [], query);
  const prose = holding('公式');
  sameSet(await found('公式'), prose, '公式 only where the prose says it');
  const placeholderOnly = seeds.site.digest.articles.filter((article) => article.text.includes('[公式]') && !prose.includes(article.url));
  assert.ok(placeholderOnly.length > 0, 'some articles hold [公式] only as a placeholder');
});

test('a topic alone lists every article of that topic, newest first; with a query it narrows', async () => {
  for (const topic of seeds.site.topics) {
    assert.deepEqual(await found('', [topic.id]), topic.articles.map((article) => article.url), topic.id);
  }
  const rl = seeds.site.topics.find((topic) => topic.id === 'rl')!.articles.map((article) => article.url);
  const vision = seeds.site.topics.find((topic) => topic.id === 'vision')!.articles.map((article) => article.url);
  sameSet(await found('', ['rl', 'vision']), [...rl, ...vision.filter((url) => !rl.includes(url))], 'two topics: either');
  const narrowed = await found('Transformer', ['vision']);
  assert.ok(narrowed.length > 0);
  sameSet(narrowed, (await found('Transformer')).filter((url) => vision.includes(url)), 'Transformer in vision');
  assert.deepEqual(await found('扩散', ['rl']), []);
  assert.deepEqual(await found('', ['no-such-topic']), [], 'an unknown topic is ignored');
});

test('results come in pages that neither overlap nor leave gaps', async () => {
  const set = await seeds.engine.search('的');
  assert.ok(set.total() > 12);
  const pages = [await set.page(0, 5), await set.page(5, 5), await set.page(10, 100)];
  const urls = pages.flat().map((hit) => hit.record.url);
  assert.equal(new Set(urls).size, urls.length);
  assert.equal(urls.length, set.total());
});

test('highlights cover exactly the matched text', async () => {
  for (const [query, spellings] of [['扩散', ['扩散', 'diffusion']], ['tranformer', ['transformer', 'transfomer']], ['ViT 分类', ['vit', '分类']]] as const) {
    for (const hit of (await seeds.search(query)).hits) {
      const marked = [...hit.title.map(([start, end]) => hit.record.title.slice(start, end)), ...hit.body.map(([start, end]) => hit.record.body.slice(start, end))];
      assert.ok(marked.length > 0, `${query}: ${hit.record.title} has a highlight`);
      for (const text of marked) assert.ok(spellings.some((spelt) => text.toLowerCase().includes(spelt)), `${query}: "${text}" is a match`);
    }
  }
});

test('hostile queries never throw', async () => {
  const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{ 7*7 }}', `'"|!^=$ \\( \\[`, '$and', 'a'.repeat(20_000), '扩'.repeat(5_000), '\u0000\uffff\ud800', '   '];
  for (const query of hostile) await assert.doesNotReject(seeds.search(query, ['rl', '__proto__']), query);
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.subarray(['attention', 'rl', 'other', 'constructor']), async (query, topics) => {
      const { total, hits } = await seeds.search(query, topics);
      assert.ok(hits.length <= total);
    }),
    { numRuns: 150 },
  );
});

test('index files are fetched once, even after the query that fetched them was cancelled', async () => {
  const files = new Map(seeds.index.files.map((file) => [file.path, file.content]));
  const fetched: string[] = [];
  const engine = new SearchEngine(async (file) => {
    fetched.push(file);
    return JSON.parse(files.get(file)!);
  }, seeds.index.manifestFile);
  const first = new AbortController();
  await (await engine.search('Transformer')).page(0, 10, first.signal);
  first.abort();
  const before = fetched.length;
  const again = await (await engine.search('Transformer')).page(0, 10, new AbortController().signal);
  assert.ok(again.length > 0);
  assert.equal(fetched.length, before, 'nothing fetched twice');
  assert.equal(new Set(fetched).size, fetched.length);
});

test('an index cut into segments finds and ranks exactly what one segment does', async () => {
  assert.equal(seeds.index.manifest.tokenSegments.length, 2);
  const whole = await seedSearch({ chunkBytes: 3_000, recordsPerShard: 2 });
  assert.equal(whole.index.manifest.tokenSegments.length, 1);
  const words = ['注意力', '扩散模型', '策略', '梯度', 'transformer', 'trans', 'tranformer', 'softmax 注意力', 'vit', 'diffusion', 'q', '熵'];
  for (const query of words) {
    const [cut, one] = await Promise.all([seeds.search(query), whole.search(query)]);
    assert.deepEqual(
      cut.hits.map((hit) => [hit.record.url, hit.score]),
      one.hits.map((hit) => [hit.record.url, hit.score]),
      query,
    );
    assert.equal(cut.total, one.total, query);
  }
});

/** An engine over the seed index whose token chunks arrive only when `release` is called. */
function heldEngine() {
  const files = new Map(seeds.index.files.map((file) => [file.path, file.content]));
  const requested: string[] = [];
  const held: (() => void)[] = [];
  const isChunk = (file: string) => seeds.index.manifest.tokenSegments.some((segment) => file.startsWith(segment.files.prefix));
  const engine = new SearchEngine(async (file) => {
    requested.push(file);
    if (isChunk(file)) await new Promise<void>((arrive) => held.push(arrive));
    return JSON.parse(files.get(file)!);
  }, seeds.index.manifestFile);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  /** Lets every held chunk arrive, and the ones those lead to, until nothing is held. */
  const release = async () => {
    for (let round = 0; round < 20; round++) {
      await settle();
      held.splice(0).forEach((arrive) => arrive());
    }
  };
  return { engine, requested, held, settle, release };
}

test('a query naming a topic fetches topic membership beside the token chunks, not after them', async () => {
  const { engine, requested, held, settle, release } = heldEngine();
  await engine.manifest();
  const searching = engine.search('注意力');
  await settle();
  assert.ok(held.length > 0, 'token chunks are being fetched');
  assert.ok(requested.includes(seeds.index.manifest.topicMembership), 'membership is asked for while the chunks are still on their way');
  await release();
  const set = await searching;
  sameSet((await set.page(0, records.length)).map((hit) => hit.record.url), await found('注意力'), 'the same results as a search whose files arrive at once');
});

test('a search cancelled while its chunks load stops with an AbortError, and the next one is whole', async () => {
  const { engine, settle, release } = heldEngine();
  await engine.manifest();
  const cancel = new AbortController();
  const stale = assert.rejects(engine.search('Transformer', [], cancel.signal), { name: 'AbortError' });
  await settle();
  cancel.abort();
  await release();
  await stale;
  const fresh = engine.search('Transformer', [], new AbortController().signal);
  await release();
  const set = await fresh;
  sameSet((await set.page(0, records.length)).map((hit) => hit.record.url), await found('Transformer'), 'Transformer after a cancelled Transformer');
});
