import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { buildSearchIndex, indexText, searchRecord, segmentSplit, type SearchIndex } from '../../src/search/build.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import {
  decodeGaps,
  encodePostings,
  IndexVersionError,
  joinPostings,
  recordShardFile,
  shardFile,
  type SearchManifest,
  type SearchRecord,
  type TokenChunk,
  type TopicMembership,
} from '../../src/search/format.ts';
import { withinEdits } from '../../src/search/lookup.ts';
import { plainText } from '../../src/search/plain.ts';
import { coveringBigrams, indexTokens } from '../../src/search/tokens.ts';
import { seedSearch } from './seed-engine.ts';

const seeds = await seedSearch();
const { site, index } = seeds;
const articles = site.digest.articles;
const files = new Map(index.files.map((file) => [file.path, file.content]));
const read = <T>(path: string): T => JSON.parse(files.get(path)!) as T;
const manifest = read<SearchManifest>(index.manifestFile);
const records = Array.from({ length: Math.ceil(manifest.documents / manifest.recordShards.size) }, (_, shard) =>
  read<SearchRecord[]>(recordShardFile(manifest.recordShards, shard)),
).flat();
/** Document numbers count arrivals: the digest's newest-first list read backwards. */
const arrivals = [...articles].reverse();
const chunks = manifest.tokenSegments.flatMap(({ files }) => Array.from({ length: files.count }, (_, chunk) => read<TokenChunk>(shardFile(files, chunk))));
/** Small segments, so that the seeds' 39 articles split as 10,000 do: documents 0–31, then 32 on. */
const SPLIT_SMALL = { tailShare: 4, minTail: 8 };

test('Chinese is indexed as characters and bigrams, Latin as lowercased words and their camelCase parts', () => {
  assert.deepEqual(indexTokens('扩散模型'), ['扩', '扩散', '散', '散模', '模', '模型', '型']);
  assert.deepEqual(indexTokens('Transformer 的 Softmax'), ['transformer', '的', 'softmax']);
  assert.deepEqual(indexTokens('ActorCritic'), ['actorcritic', 'actor', 'critic']);
  assert.deepEqual(indexTokens('ＶｉＴ Nyströmformer'), ['vit', 'nystromformer']);
  assert.deepEqual(coveringBigrams('强化学习'), ['强化', '学习']);
  assert.deepEqual(coveringBigrams('注意力'), ['注意', '意力']);
});

test('placeholders and TeX leave the indexed text, each as one ⋯', () => {
  assert.equal(plainText('矩阵 [Math] 的复杂度 [公式] 与 [Formula] 以及 \\(x_i\\) 和 p_{data} 结束'), '矩阵 ⋯ 的复杂度 ⋯ 与 ⋯ 以及 ⋯ 和 ⋯ 结束');
  assert.equal(plainText('数据集 D = \\{(x_i, y^_i)\\}_{i=1}^n ,输入记为 \\(x\\in'), '数据集 D = ⋯ ,输入记为 ⋯');
  assert.equal(plainText('参数 max_len 和 <script>alert(1)</script>'), '参数 max_len 和 <script>alert(1)</script>');
  for (const record of records) {
    for (const text of [record.title, record.body]) {
      assert.doesNotMatch(text, /\[(?:Math|公式|Formula)\]|\\[A-Za-z{}()[\]]|[_^]\{|\^/, `${record.url} keeps formula source`);
    }
  }
  const tokens = new Set(chunks.flatMap((chunk) => chunk.tokens));
  // The seed excerpts hold [Math] and \mathop only inside formulas, so no "math" key may exist.
  assert.equal(tokens.has('math'), false);
  assert.equal(tokens.has('formula'), false);
  assert.equal(tokens.has('mathop'), false);
});

test('records are plain text in arrival order, with URLs under the base', () => {
  assert.equal(manifest.documents, articles.length);
  assert.equal(records.length, articles.length);
  records.forEach((record, doc) => {
    assert.equal(record.url, arrivals[doc]!.url);
    assert.deepEqual(record, searchRecord(arrivals[doc]!));
    assert.doesNotMatch(record.title, /<[a-z]/i, 'titles carry no KaTeX or other HTML');
  });
});

test('token chunks are sorted, contiguous and small enough to fetch per query, in each segment', () => {
  const small = buildSearchIndex(articles, site.topics, { chunkBytes: 4_000, recordsPerShard: 3, ...SPLIT_SMALL });
  const smallFiles = new Map(small.files.map((file) => [file.path, file.content]));
  assert.deepEqual(
    small.manifest.tokenSegments.map((segment) => segment.upTo),
    [32, articles.length],
  );
  let from = 0;
  for (const { upTo, first, files: names } of small.manifest.tokenSegments) {
    assert.ok(names.count > 1, 'a small chunk size splits each segment');
    let previous = '';
    for (let chunk = 0; chunk < names.count; chunk++) {
      const { tokens, postings } = JSON.parse(smallFiles.get(shardFile(names, chunk))!) as TokenChunk;
      assert.equal(tokens[0], first[chunk]);
      tokens.forEach((token, at) => {
        assert.ok(token > previous, `${token} sorts after ${previous}`);
        previous = token;
        const docs = decodeGaps(postings[at]!.map((value) => value >>> 2));
        assert.ok(docs[0]! >= from && docs.at(-1)! < upTo, `${token}: the segment holds documents ${from}–${upTo - 1} only`);
      });
    }
    from = upTo;
  }
  for (const file of index.files) assert.ok(gzipSync(file.content).length <= 30_000, `${file.path} is at most 30 KB gzip`);
});

test("each token's postings are the documents that hold it, in order, each with the best field it is in", () => {
  // The definition, one document at a time, against what the chunks of both segments say.
  const expected = new Map<string, number[]>();
  arrivals.forEach((article, doc) => {
    const { tokens, fields } = indexText(article);
    tokens.split(' ').forEach((token, at) => {
      if (!expected.has(token)) expected.set(token, []);
      expected.get(token)!.push(doc * 4 + Number(fields[at]));
    });
  });
  const small = buildSearchIndex(articles, site.topics, { chunkBytes: 4_000, ...SPLIT_SMALL });
  const smallFiles = new Map(small.files.map((file) => [file.path, file.content]));
  const found = new Map<string, number[][]>();
  for (const { files: names } of small.manifest.tokenSegments) {
    for (let chunk = 0; chunk < names.count; chunk++) {
      const { tokens, postings } = JSON.parse(smallFiles.get(shardFile(names, chunk))!) as TokenChunk;
      tokens.forEach((token, at) => found.set(token, [...(found.get(token) ?? []), postings[at]!]));
    }
  }
  assert.deepEqual(
    new Map([...found].map(([token, lists]) => [token, joinPostings(lists)])),
    new Map([...expected].map(([token, packed]) => [token, encodePostings(packed)])),
  );
});

test('the segments split where the document count alone says: the newest holds at most 1/tailShare, and its span is a power of two', () => {
  assert.equal(segmentSplit(39, 32, 128), 0, 'the seeds are one segment by default');
  assert.equal(segmentSplit(10_009, 32, 128), 9_728);
  assert.equal(segmentSplit(100_009, 32, 128), 98_304);
  fc.assert(
    fc.property(fc.nat(1_000_000), (documents) => {
      const split = segmentSplit(documents, 32, 128);
      const newest = documents - split;
      assert.ok(split >= 0 && split <= documents);
      assert.ok(newest < Math.max(128, (2 * documents) / 32), `${newest} of ${documents}`);
      assert.equal(split % 128, 0);
    }),
  );
});

test("a token's lists from consecutive segments join into the list of all its documents", () => {
  const posting = fc.tuple(fc.nat(50), fc.nat(2));
  fc.assert(
    fc.property(fc.array(fc.array(posting, { maxLength: 6 }), { maxLength: 4 }), (parts) => {
      // Ascending document numbers, cut into consecutive runs.
      let doc = 0;
      const runs = parts.map((run) => run.map(([gap, field]) => (doc += gap + 1) * 4 + field));
      assert.deepEqual(joinPostings(runs.map(encodePostings)), encodePostings(runs.flat()));
    }),
  );
});

test('topic membership lists every article of a topic, and untagged ones under "other"', () => {
  const membership = read<TopicMembership>(manifest.topicMembership);
  for (const topic of site.topics) {
    const docs = decodeGaps(membership.tagged[topic.id] ?? []);
    assert.deepEqual(docs.map((at) => arrivals[at]!.id), [...topic.articles].reverse().map((article) => article.id), topic.id);
  }
  assert.ok((membership.tagged['other'] ?? []).length > 0);
});

test('topic membership lists the articles that lean toward a topic without its tag', () => {
  const membership = read<TopicMembership>(manifest.topicMembership);
  for (const topic of site.topics) {
    const docs = decodeGaps(membership.leaning[topic.id] ?? []);
    const leaning = arrivals.filter((article) => (article.leaning as string[]).includes(topic.id));
    assert.deepEqual(docs.map((at) => arrivals[at]!.id), leaning.map((article) => article.id), topic.id);
    for (const at of docs) assert.ok(!(arrivals[at]!.topics as string[]).includes(topic.id), `${topic.id}: leaning is never tagged`);
  }
  assert.ok(Object.values(membership.leaning).some((gaps) => gaps.length > 0), 'some seed article leans toward a topic');
});

test('the same articles give byte-identical index files', () => {
  const again = buildSearchIndex([...articles], site.topics);
  assert.deepEqual(again.files, index.files);
  const reordered = buildSearchIndex([...articles].reverse(), site.topics);
  assert.notEqual(reordered.manifestFile, index.manifestFile, 'file names follow content');
});

test('a new drop only appends documents: the record shards of older blocks keep their names and bytes', () => {
  const latest = site.digest.drops.at(-1)!.id;
  const before = articles.filter((article) => article.firstDrop !== latest);
  assert.ok(before.length < articles.length && before.length > 20);
  const small = { recordsPerShard: 2, shardsPerBlock: 3 };
  const older = buildSearchIndex(before, site.topics, small);
  const newer = new Map(buildSearchIndex(articles, site.topics, small).files.map((file) => [file.path, file.content]));
  const { recordShards } = older.manifest;
  const fullBlocks = Math.floor(before.length / (recordShards.size * recordShards.blockSize));
  assert.ok(fullBlocks >= 3);
  for (let shard = 0; shard < fullBlocks * recordShards.blockSize; shard++) {
    const path = recordShardFile(recordShards, shard);
    const content = older.files.find((file) => file.path === path)?.content;
    assert.ok(content !== undefined && newer.get(path) === content, `${path} is reused as it was`);
  }
});

/** The previous build's state as a rebuild sees it: its documents, and its files to read back. */
function previousOf(older: SearchIndex, edit: (path: string, content: string) => string | null = (_, content) => content) {
  const written = new Map(older.files.map((file) => [file.path, file.content]));
  return { manifestFile: older.manifestFile, documents: older.documents, readFile: (path: string) => (written.has(path) ? edit(path, written.get(path)!) : null) };
}

/** Every file of an index, the unchanged ones read from the index they were kept from. */
const allFiles = (built: SearchIndex, keptFrom: SearchIndex) => {
  const kept = new Map(keptFrom.files.map((file) => [file.path, file.content]));
  return new Map([...built.files.map((file): [string, string] => [file.path, file.content]), ...built.unchangedFiles.map((path): [string, string] => [path, kept.get(path)!])]);
};

test('a rebuild extends the previous index: only the newest segment, the grown first segment and the last block are read again, and the files equal a fresh index', () => {
  const latest = site.digest.drops.at(-1)!.id;
  const before = articles.filter((article) => article.firstDrop !== latest);
  const small = { recordsPerShard: 2, shardsPerBlock: 3, ...SPLIT_SMALL };
  const older = buildSearchIndex(before, site.topics, small);
  const fresh = buildSearchIndex(articles, site.topics, small);
  const read: string[] = [];
  const textCache = { get: (text: string) => void read.push(text), set: () => {} };
  const progress: number[] = [];
  const onProgress = (done: number, total: number) => progress.push(done, total);
  const extended = buildSearchIndex(articles, site.topics, { ...small, previous: previousOf(older), textCache, onProgress });

  assert.equal(extended.manifestFile, fresh.manifestFile);
  assert.deepEqual(allFiles(extended, older), new Map(fresh.files.map((file) => [file.path, file.content])));
  const keptDocs = Math.floor(before.length / 6) * 6;
  const olderSplit = older.manifest.tokenSegments[0]!.upTo;
  assert.ok(olderSplit < fresh.manifest.tokenSegments[0]!.upTo, 'the drop moves the split: the first segment is extended');
  assert.equal(extended.unchangedFiles.length, keptDocs / 2, 'the record shards of full old blocks are kept');
  assert.equal(read.length, articles.length - Math.min(keptDocs, olderSplit), 'texts are read only for the postings and records written again');
  assert.deepEqual(progress, read.flatMap((_, index) => [index + 1, read.length]), 'progress counts those documents, one at a time');
  assert.deepEqual(extended.documents, fresh.documents);
});

test("a rebuild whose split does not move keeps the first segment's chunks, unread", () => {
  const latest = site.digest.drops.at(-1)!.id;
  const before = articles.filter((article) => article.firstDrop !== latest);
  // Spans of 20: both builds, of 29 and 39 articles, split at 20.
  const small = { recordsPerShard: 2, shardsPerBlock: 64, tailShare: 2, minTail: 20 };
  const older = buildSearchIndex(before, site.topics, small);
  const fresh = buildSearchIndex(articles, site.topics, small);
  const split = fresh.manifest.tokenSegments[0]!.upTo;
  assert.ok(split > 0 && split === older.manifest.tokenSegments[0]!.upTo, `both split at ${split}`);
  const read: string[] = [];
  const previous = previousOf(older, (path, content) => (read.push(path), content));
  const rebuilt = buildSearchIndex(articles, site.topics, { ...small, previous });
  assert.deepEqual(allFiles(rebuilt, older), new Map(fresh.files.map((file) => [file.path, file.content])));
  const firstChunks = fresh.manifest.tokenSegments[0]!.files;
  assert.equal(rebuilt.unchangedFiles.length, firstChunks.count);
  assert.ok(rebuilt.unchangedFiles.every((path) => path.startsWith(firstChunks.prefix)));
  assert.deepEqual(read, [older.manifestFile], 'only the old manifest is read');
});

test('a previous index of one newest segment, in small chunks, is re-cut when the documents outgrow it', () => {
  const oldest = articles.slice(-7);
  const older = buildSearchIndex(oldest, site.topics, SPLIT_SMALL);
  assert.deepEqual(older.manifest.tokenSegments.map((segment) => segment.upTo), [7]);
  const fresh = buildSearchIndex(articles, site.topics, SPLIT_SMALL);
  const rebuilt = buildSearchIndex(articles, site.topics, { ...SPLIT_SMALL, previous: previousOf(older) });
  assert.deepEqual(rebuilt.files, fresh.files);
  assert.deepEqual(rebuilt.unchangedFiles, []);
});

test('a rebuild indexes everything again when the previous index does not hold up', () => {
  const latest = site.digest.drops.at(-1)!.id;
  const before = articles.filter((article) => article.firstDrop !== latest);
  const older = buildSearchIndex(before, site.topics, SPLIT_SMALL);
  const fresh = buildSearchIndex(articles, site.topics, SPLIT_SMALL);
  assert.ok(older.manifest.tokenSegments[0]!.upTo < fresh.manifest.tokenSegments[0]!.upTo, 'the rebuild extends the first segment');
  const firstChunk = shardFile(older.manifest.tokenSegments[0]!.files, 0);
  const cases = {
    'a token chunk edited by hand': previousOf(older, (path, content) => (path === firstChunk ? content.replace('"postings":[[', '"postings":[[4,') : content)),
    'a token chunk that is no chunk': previousOf(older, (path, content) => (path === firstChunk ? '{}' : content)),
    'a token chunk gone': previousOf(older, (path, content) => (path === firstChunk ? null : content)),
    'the manifest edited by hand': previousOf(older, (path, content) => (path === older.manifestFile ? content.replace('"documents":', '"documents": ') : content)),
    'an old document changed': { ...previousOf(older), documents: older.documents.map((fingerprint, doc) => (doc === 5 ? `x${fingerprint}` : fingerprint)) },
    'more documents than now': previousOf(fresh),
  };
  for (const [what, previous] of Object.entries(cases)) {
    const rebuilt = buildSearchIndex(what === 'more documents than now' ? before : articles, site.topics, { ...SPLIT_SMALL, previous });
    const expected = what === 'more documents than now' ? older : fresh;
    assert.deepEqual(rebuilt.unchangedFiles, [], what);
    assert.deepEqual(rebuilt.files, expected.files, what);
  }
});

test('the engine refuses an index of another format version instead of misreading it', async () => {
  const stale = { ...manifest, version: 1 };
  const engine = new SearchEngine(async (file) => (file === 'old.json' ? stale : JSON.parse(files.get(file)!)), 'old.json');
  await assert.rejects(engine.search('扩散'), IndexVersionError);
});

test('spelling distance counts an insertion, a deletion, a substitution or a swap as one edit', () => {
  assert.equal(withinEdits('tranformer', 'transformer', 1), true);
  assert.equal(withinEdits('trasnformer', 'transformer', 1), true, 'a swap is one edit');
  assert.equal(withinEdits('trnsfrmer', 'transformer', 1), false);
  assert.equal(withinEdits('trnsfrmer', 'transformer', 2), true);
});
