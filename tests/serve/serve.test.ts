import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { appendFile, copyFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FEEDS, SEED_DROPS } from '../seeds.ts';
import { DIGEST_BIN, PROJECT } from '../support/build.ts';
import { scratchFolder } from '../support/scratch.ts';

interface Served {
  articles: { id: string; text: string; drops: string[] }[];
  drops: { id: string; diagnostics: { severity: string }[] }[];
}

const HEADER = 'INCOMING TRANSMISSION\n\nLATEST UPDATES\n';
const SETTLE_MS = 600;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let work: string;
let feeds: string;
let origin: string;
let server: ChildProcess;
let log = '';

async function fetchServed(): Promise<Served | null> {
  try {
    const response = await fetch(`${origin}/articles.json`);
    return response.ok ? ((await response.json()) as Served) : null;
  } catch {
    return null;
  }
}

/** Polls the served articles.json until `ready` holds, failing after `seconds`. */
async function waitFor(ready: (served: Served) => boolean, what: string, seconds = 60): Promise<Served> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const served = await fetchServed();
    if (served && ready(served)) return served;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}\n${log}`);
}

before(async () => {
  work = scratchFolder('digest-serve-');
  feeds = join(work, 'feeds');
  await execFileSync('mkdir', ['-p', feeds]);
  await copyFile(join(FEEDS, `${SEED_DROPS[0]}.txt`), join(feeds, `${SEED_DROPS[0]}.txt`));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [DIGEST_BIN, 'serve', '--feeds', feeds, '--out', join(work, 'site'), '--port', String(port), '--settle', String(SETTLE_MS), '--cache', join(work, 'cache')],
    { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  await waitFor((served) => served.articles.length === 12, 'the first build');
});

after(async () => {
  if (server.exitCode === null) server.kill('SIGTERM');
});

test('a dropped file shows up in the served articles.json', { timeout: 90_000 }, async () => {
  await copyFile(join(FEEDS, `${SEED_DROPS[1]}.txt`), join(feeds, `${SEED_DROPS[1]}.txt`));
  const served = await waitFor((s) => s.drops.length === 2, 'the second drop');
  assert.equal(served.articles.length, 20);
});

test('a file written in slow pieces never yields a torn article', { timeout: 90_000 }, async () => {
  const lines = [
    '第一篇慢慢写入的文章:策略梯度方法直接对策略参数求梯度,以最大化期望回报,并用基线降低方差。',
    '第二篇慢慢写入的文章:扩散模型通过逐步加噪和去噪学习数据分布,采样时从纯噪声出发逐步还原图像。',
  ];
  const content = `${HEADER}${lines.join('\n')}\n`;
  const path = join(feeds, '005_slow.txt');
  const seen = new Set<string>();
  let writing = true;
  const watcher = (async () => {
    while (writing) {
      const served = await fetchServed();
      for (const article of served?.articles ?? []) if (article.drops.includes('005_slow')) seen.add(article.text);
      await sleep(50);
    }
  })();
  await writeFile(path, '');
  for (let offset = 0; offset < content.length; offset += 12) {
    await appendFile(path, content.slice(offset, offset + 12));
    await sleep(120);
  }
  const served = await waitFor((s) => s.articles.filter((a) => a.drops.includes('005_slow')).length === 2, 'the slow file');
  writing = false;
  await watcher;
  for (const article of served.articles.filter((a) => a.drops.includes('005_slow'))) seen.add(article.text);
  assert.deepEqual([...seen].sort(), [...lines].sort(), 'only whole lines were ever served');
});

test('junk dropped in is diagnosed on its drop page and the server keeps every article', { timeout: 90_000 }, async () => {
  const before = (await fetchServed())!;
  await writeFile(join(feeds, '006_junk.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const served = await waitFor((s) => s.drops.some((d) => d.id === '006_junk'), 'the junk drop');
  assert.equal(served.articles.length, before.articles.length);
  assert.ok(served.drops.find((d) => d.id === '006_junk')!.diagnostics.some((d) => d.severity === 'error'));
  const page = await fetch(`${origin}/drops/006_junk/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /file looks binary/);
});

test('removing a drop removes the articles seen only in it', { timeout: 90_000 }, async () => {
  await rm(join(feeds, `${SEED_DROPS[1]}.txt`));
  const served = await waitFor((s) => !s.drops.some((d) => d.id === SEED_DROPS[1]), 'the removal');
  assert.equal(served.articles.filter((a) => !a.drops.includes('005_slow')).length, 12);
  assert.ok(served.articles.every((article) => !article.drops.includes(SEED_DROPS[1])));
});

test('the server stops cleanly on SIGTERM and leaves no process behind', { timeout: 60_000 }, async () => {
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  server.kill('SIGTERM');
  assert.equal(await exited, 0);
  await sleep(300);
  const processes = execFileSync('ps', ['-eo', 'args']).toString();
  assert.ok(!processes.includes(work), `stray processes:\n${processes.split('\n').filter((line) => line.includes(work)).join('\n')}`);
});
