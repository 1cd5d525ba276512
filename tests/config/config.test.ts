import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, DEFAULT_SITE_CONFIG, readSiteConfig, resolveSite, SITE_CONFIG_FILE } from '../../src/config.ts';
import { PROJECT } from '../support/build.ts';
import { scratchFolder } from '../support/scratch.ts';

async function configFile(text: string): Promise<string> {
  const path = join(scratchFolder('digest-config-'), SITE_CONFIG_FILE);
  await writeFile(path, text);
  return path;
}

test('the shipped config file names the site and leaves its URL unset', () => {
  const config = readSiteConfig(join(PROJECT, SITE_CONFIG_FILE));
  assert.equal(config.name, '传输摘要');
  assert.equal(config.language, 'zh-CN');
  assert.equal(config.url, null);
});

test('a missing config file gives the defaults; given fields replace them and a URL is normalised to end in /', async () => {
  assert.deepEqual(readSiteConfig(join(tmpdir(), 'no-such-folder', SITE_CONFIG_FILE)), DEFAULT_SITE_CONFIG);
  const config = readSiteConfig(await configFile('{ "name": "ML 摘要", "url": "https://example.org/digest" }'));
  assert.deepEqual(config, { ...DEFAULT_SITE_CONFIG, name: 'ML 摘要', url: 'https://example.org/digest/' });
});

test('a broken config file is refused with its name, line and column, and the reason', async () => {
  const broken = await configFile('{\n  "name": "x",\n  "url": "https://example.org/",\n}\n');
  assert.throws(() => readSiteConfig(broken), (error: Error) => error instanceof ConfigError && /^digest\.config\.json:4:1: not valid JSON/.test(error.message));
  const cases: [string, RegExp][] = [
    ['{ "urll": "https://example.org/" }', /unknown field "urll" \(the fields are name, alternateName, description, language, url\)/],
    ['{ "url": "example.org" }', /"url": "example\.org" is not an absolute URL/],
    ['{ "url": "ftp://example.org/" }', /is not an http\(s\) URL/],
    ['{ "url": "https://example.org/?x=1" }', /without query, fragment or credentials/],
    ['{ "name": "" }', /"name" must not be empty/],
    ['{ "language": 3 }', /"language" must be a string/],
    ['[]', /expected an object/],
  ];
  for (const [text, reason] of cases) {
    const path = await configFile(text);
    assert.throws(() => readSiteConfig(path), (error: Error) => error instanceof ConfigError && reason.test(error.message), text);
  }
});

test('--site-url overrides the file, and the base path follows the URL unless --base says otherwise', () => {
  const file = { ...DEFAULT_SITE_CONFIG, url: 'https://example.org/digest/' };
  assert.deepEqual(resolveSite(file, {}), { config: file, base: '/digest/' });
  assert.deepEqual(resolveSite(file, { siteUrl: 'https://other.example/' }).base, '/');
  assert.deepEqual(resolveSite(file, { siteUrl: '' }), { config: { ...file, url: null }, base: '/' });
  assert.deepEqual(resolveSite(file, { base: '/digest/' }).base, '/digest/');
  assert.deepEqual(resolveSite(DEFAULT_SITE_CONFIG, { base: '/x/' }), { config: DEFAULT_SITE_CONFIG, base: '/x/' });
  assert.throws(() => resolveSite(file, { base: '/preview/' }), /--base \/preview\/ disagrees with the site URL https:\/\/example\.org\/digest\/, whose path is \/digest\//);
  assert.throws(() => resolveSite(file, { siteUrl: 'not a url' }), /--site-url: "not a url" is not an absolute URL/);
});
