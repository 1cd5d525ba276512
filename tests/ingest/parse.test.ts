import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDrop, parseExcerpt, readDrops } from '../../src/ingest/index.ts';
import { FEEDS, FIXTURES, SEED_DROPS } from '../seeds.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const HEADER = 'INCOMING TRANSMISSION\n\nLATEST UPDATES\n';

test('the seeds hold 62 non-empty lines: 60 article entries and the pagination line "1 2" in two drops', async () => {
  const drops = await readDrops(FEEDS);
  assert.deepEqual(drops.map((drop) => drop.id), [...SEED_DROPS]);
  assert.equal(drops.reduce((sum, drop) => sum + drop.lines, 0), 62);
  assert.equal(drops.reduce((sum, drop) => sum + drop.entries.length, 0), 60);
  const pagination = drops.flatMap((drop) => drop.diagnostics).filter((d) => d.rule === 'ingest:pagination');
  assert.deepEqual(
    pagination.map((d) => `${d.file}:${d.line}:${d.severity}`),
    ['001_6361958ca166ea40.txt:16:info', '003_e3ea076ccf5dab71.txt:16:info'],
  );
  assert.equal(drops.flatMap((drop) => drop.diagnostics).length, 2, 'the seeds raise nothing but pagination notes');
});

test('an entry keeps its line number, drops the 💡 marker and the trailing ... and takes an http(s) 🔖 URL as its source', async () => {
  const bytes = await readFile(join(FEEDS, `${SEED_DROPS[0]}.txt`));
  const drop = parseDrop(`${SEED_DROPS[0]}.txt`, bytes);
  const idea = drop.entries.find((entry) => entry.line === 6)!;
  assert.ok(idea.text.startsWith('随机微分 在DDPM中'), idea.text.slice(0, 20));
  assert.equal(idea.truncated, true);
  assert.ok(!idea.text.endsWith('...'));
  const sourced = drop.entries.find((entry) => entry.line === 8)!;
  assert.equal(sourced.source, 'https://stability.ai/news/stablediffusion3researchpaper');
  assert.ok(sourced.text.startsWith('概述 SD3'), sourced.text.slice(0, 20));
  assert.ok(!sourced.text.includes('🔖'));
});

test('a 🔖 marker whose URL is not http(s) stays in the text and gives no source', () => {
  assert.deepEqual(parseExcerpt('🔖 javascript:alert(1) 正文'), {
    text: '🔖 javascript:alert(1) 正文',
    truncated: false,
    source: null,
  });
  assert.equal(parseExcerpt('🔖 <https://example.org/x> 正文...').source, 'https://example.org/x');
});

test('an excerpt without a trailing ... is not truncated; a trailing … counts as the cut too', () => {
  assert.equal(parseExcerpt('完整的一句话。').truncated, false);
  assert.deepEqual(parseExcerpt('被截断的话…'), { text: '被截断的话', truncated: true, source: null });
});

test('BOM and CRLF, lone CR and GB18030 copies of a seed drop parse to the same entries', async () => {
  const seed = (index: number) => readFile(join(FEEDS, `${SEED_DROPS[index]}.txt`)).then((b) => parseDrop('seed.txt', b));
  const resaved = await readDrops(join(FIXTURES, 'resaved'));
  const texts = (entries: { text: string; line: number }[]) => entries.map((e) => `${e.line}:${e.text}`);
  assert.deepEqual(texts(resaved[0]!.entries), texts((await seed(0)).entries), 'BOM + CRLF');
  assert.deepEqual(texts(resaved[1]!.entries), texts((await seed(1)).entries), 'GB18030');
  assert.ok(resaved[1]!.diagnostics.some((d) => d.message.includes('gb18030')));
});

test('a file without the header is still read, with a warning on line 1', async () => {
  const drop = parseDrop('no-header.txt', await readFile(join(FIXTURES, 'broken', 'no-header.txt')));
  assert.equal(drop.entries.length, 2);
  assert.equal(drop.entries[0]!.line, 1);
  assert.deepEqual(
    drop.diagnostics.map((d) => [d.line, d.severity, d.rule]),
    [[1, 'warning', 'ingest:header']],
  );
});

test('binary junk and undecodable files are skipped with an error naming the file', async () => {
  const drops = await readDrops(join(FIXTURES, 'broken'));
  const byFile = new Map(drops.map((drop) => [drop.file, drop]));
  for (const [file, rule] of [['binary-junk.txt', 'ingest:binary'], ['latin1.txt', 'ingest:encoding']] as const) {
    const drop = byFile.get(file)!;
    assert.equal(drop.entries.length, 0, file);
    assert.deepEqual(drop.diagnostics.map((d) => [d.file, d.severity, d.rule]), [[file, 'error', rule]]);
  }
});

test('a UTF-8 file with a few bad bytes keeps every line and warns on the damaged one', async () => {
  const drop = parseDrop('damaged-utf8.txt', await readFile(join(FIXTURES, 'broken', 'damaged-utf8.txt')));
  assert.equal(drop.entries.length, 2);
  assert.equal(drop.entries[0]!.text, '完好的一行:扩散模型通过逐步去噪生成图像。');
  assert.deepEqual(drop.diagnostics.map((d) => [d.line, d.severity, d.rule]), [[5, 'warning', 'ingest:encoding']]);
});

test('NUL and control characters inside a good line are removed with a warning and the line is kept', () => {
  const drop = parseDrop('x.txt', encode(`${HEADER}注意力\u0000机制\u0007很重要\n`));
  assert.equal(drop.entries[0]!.text, '注意力机制很重要');
  assert.deepEqual(drop.diagnostics.map((d) => [d.line, d.rule]), [[4, 'ingest:control']]);
});

test('an empty file, a header with nothing after it and a marker-only line are diagnosed, not crashed on', () => {
  assert.deepEqual(parseDrop('e.txt', new Uint8Array()).diagnostics.map((d) => d.rule), ['ingest:empty']);
  assert.deepEqual(parseDrop('h.txt', encode(HEADER)).diagnostics.map((d) => d.rule), ['ingest:no-entries']);
  const markerOnly = parseDrop('m.txt', encode(`${HEADER}💡\n正文\n`));
  assert.deepEqual(markerOnly.diagnostics.map((d) => [d.line, d.rule]), [[4, 'ingest:empty-entry']]);
  assert.equal(markerOnly.entries.length, 1);
});

test('a line over 64 KiB is kept whole, with a warning', () => {
  const long = '扩散'.repeat(40_000);
  const drop = parseDrop('long.txt', encode(`${HEADER}${long}\n`));
  assert.equal(drop.entries[0]!.text, long);
  assert.deepEqual(drop.diagnostics.map((d) => d.rule), ['ingest:long-line']);
});

test('a drop id is its file name without .txt, and a Chinese file name still gets a URL-safe id', async () => {
  const drops = await readDrops(join(FIXTURES, 'broken'));
  for (const drop of drops) assert.match(drop.id, /^[A-Za-z0-9][A-Za-z0-9._-]*$/, drop.file);
  assert.ok(drops.some((drop) => drop.file === '不是ASCII的文件名.txt' && drop.entries.length === 1));
  assert.equal(drops.find((drop) => drop.file === 'no-header.txt')!.id, 'no-header');
});

test('UTF-16 with a byte-order mark is decoded', () => {
  const text = `${HEADER}强化学习的策略梯度\n`;
  const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
  assert.equal(parseDrop('u.txt', utf16).entries[0]!.text, '强化学习的策略梯度');
});
