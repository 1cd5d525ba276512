// The site's identity (name, description, language, URL) lives in one small JSON file at the
// project root that a maintainer edits, like eleventy-base-blog's `_data/metadata.js`. JSON rather
// than a module: it is data, read by both the CLI and `.eleventy.ts`, and nothing in it runs.
import { readFileSync } from 'node:fs';
import type { SiteConfig } from './model.ts';

export const SITE_CONFIG_FILE = 'digest.config.json';

/** What a checkout without the file gets. */
export const DEFAULT_SITE_CONFIG: SiteConfig = {
  name: '传输摘要',
  alternateName: 'Transmission Digest',
  description: '机器学习文章摘录的每日摘要:注意力、扩散模型、强化学习与计算机视觉。',
  language: 'zh-CN',
  url: null,
};

/** A problem a maintainer fixes in the config file or on the command line; the message says where. */
export class ConfigError extends Error {}

/** `https://example.org/digest` → `https://example.org/digest/`; anything else than an http(s) site root is refused. */
export function normalizeSiteUrl(raw: string, where: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${where}: "${raw}" is not an absolute URL (write it like https://example.org/digest/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${where}: "${raw}" is not an http(s) URL`);
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${where}: "${raw}" must be the site's address alone, without query, fragment or credentials`);
  }
  url.pathname = url.pathname.replace(/\/*$/, '/');
  return url.href;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** The config file, checked field by field; a missing file means the defaults. */
export function readSiteConfig(path: string, shownAs = SITE_CONFIG_FILE): SiteConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_SITE_CONFIG;
    throw new ConfigError(`${shownAs}: cannot read it (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const offset = /position (\d+)/.exec((error as Error).message)?.[1];
    const place = offset === undefined ? '' : `:${lineAndColumn(text, Number(offset))}`;
    throw new ConfigError(`${shownAs}${place}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`${shownAs}: expected an object such as {"name": "…", "url": "https://…/"}`);
  }
  const fields = Object.keys(DEFAULT_SITE_CONFIG);
  const config: Record<string, unknown> = { ...DEFAULT_SITE_CONFIG };
  for (const [key, value] of Object.entries(parsed)) {
    if (!fields.includes(key)) throw new ConfigError(`${shownAs}: unknown field "${key}" (the fields are ${fields.join(', ')})`);
    if (key === 'url' && value === null) config[key] = null;
    else if (typeof value !== 'string') throw new ConfigError(`${shownAs}: "${key}" must be a string`);
    else if (key === 'url') config[key] = value.trim() === '' ? null : normalizeSiteUrl(value.trim(), `${shownAs}: "url"`);
    else config[key] = value.trim();
  }
  for (const key of ['name', 'description', 'language'] as const) {
    if (config[key] === '') throw new ConfigError(`${shownAs}: "${key}" must not be empty`);
  }
  return config as unknown as SiteConfig;
}

/**
 * Flags override the file: `--site-url` replaces its URL (`--site-url ''` removes it). The base
 * path is the URL's path; an explicit `--base` must agree with it, since a site hosted at
 * https://example.org/digest/ can only link under /digest/.
 */
export function resolveSite(fromFile: SiteConfig, flags: { siteUrl?: string; base?: string }): { config: SiteConfig; base: string } {
  const url =
    flags.siteUrl === undefined ? fromFile.url : flags.siteUrl.trim() === '' ? null : normalizeSiteUrl(flags.siteUrl.trim(), '--site-url');
  const config = { ...fromFile, url };
  const urlBase = url === null ? null : new URL(url).pathname;
  if (flags.base === undefined) return { config, base: urlBase ?? '/' };
  if (urlBase !== null && urlBase !== flags.base) {
    throw new ConfigError(`--base ${flags.base} disagrees with the site URL ${url}, whose path is ${urlBase}: drop --base, or change one to match`);
  }
  return { config, base: flags.base };
}
