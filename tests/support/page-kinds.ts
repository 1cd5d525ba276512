// One URL per kind of page, picked from a built site's articles.json, for tests that visit each kind.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublicJson } from '../../src/site/public-json.ts';

export async function pageKindUrls(outDir: string, start: string): Promise<Record<'home' | 'article' | 'topic' | 'drop' | 'search', string>> {
  const json = JSON.parse(await readFile(join(outDir, 'articles.json'), 'utf8')) as PublicJson;
  // The article with the most typeset math is the heaviest page of its kind.
  const article = [...json.articles].sort((a, b) => b.math.placeholders + b.math.tex - (a.math.placeholders + a.math.tex))[0]!;
  return {
    home: start,
    article: `${start}articles/${article.id}/`,
    topic: `${start}topics/attention/`,
    drop: `${start}drops/${json.drops.at(-1)!.id}/`,
    search: `${start}search/?q=${encodeURIComponent('注意力')}`,
  };
}
