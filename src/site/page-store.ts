import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { codeVersion } from './code-version.ts';
import { planArticlePages, type ArticlePagePlan } from './page-plan.ts';
import type { SiteModel } from './views.ts';

const manifestPath = (cacheDir: string, outDir: string): string =>
  join(cacheDir, `pages-${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);

const articleFile = (root: string, id: string): string => join(root, 'articles', id, 'index.html');

/** Which article pages the previous build into `outDir` already holds unchanged. */
export async function loadPagePlan(site: SiteModel, cacheDir: string, outDir: string): Promise<ArticlePagePlan> {
  let previous: Record<string, string> = {};
  try {
    previous = JSON.parse(await readFile(manifestPath(cacheDir, outDir), 'utf8')) as Record<string, string>;
  } catch {
    // First build into this folder, or an unreadable manifest: render every page.
  }
  return planArticlePages(site, await codeVersion(), previous, (id) => existsSync(articleFile(outDir, id)));
}

/**
 * Put the reused pages into the new tree before it is swapped in. A hard link costs no copy and
 * survives the old tree's removal; a copy is the fallback across file systems.
 */
export async function reuseArticlePages(plan: ArticlePagePlan, outDir: string, stagingDir: string): Promise<void> {
  for (const id of plan.reuse) {
    const target = articleFile(stagingDir, id);
    await mkdir(join(stagingDir, 'articles', id), { recursive: true });
    await link(articleFile(outDir, id), target).catch(() => copyFile(articleFile(outDir, id), target));
  }
}

export async function savePageKeys(plan: ArticlePagePlan, cacheDir: string, outDir: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const path = manifestPath(cacheDir, outDir);
  await writeFile(`${path}.${process.pid}.tmp`, JSON.stringify(plan.keys));
  await rename(`${path}.${process.pid}.tmp`, path);
}
