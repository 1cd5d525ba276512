// The baseline site's input: bench/baseline/site/ plus one Markdown page per distinct article.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BASELINE = fileURLToPath(new URL('./baseline/', import.meta.url));
export const BASELINE_CONFIG = join(BASELINE, 'eleventy.config.mjs');
const TITLE_LENGTH = 30;

export interface BaselineInput {
  /** Run Eleventy from here: outside the repository, so its .gitignore cannot hide the input. */
  root: string;
  input: string;
  output: string;
}

function markdownPage(text: string): string {
  const title = Array.from(text).slice(0, TITLE_LENGTH).join('');
  // A JSON string is a valid YAML double-quoted scalar, whatever quotes or colons the title holds.
  return `---\ntitle: ${JSON.stringify(title)}\nlayout: base.njk\ntags: article\n---\n\n${text}\n`;
}

export function writeBaselineInput(texts: readonly string[], root: string): BaselineInput {
  rmSync(root, { recursive: true, force: true });
  const input = join(root, 'site');
  cpSync(join(BASELINE, 'site'), input, { recursive: true });
  mkdirSync(join(input, 'articles'));
  texts.forEach((text, index) => writeFileSync(join(input, 'articles', `${String(index).padStart(6, '0')}.md`), markdownPage(text)));
  return { root, input, output: join(root, 'out') };
}

export function baselineArgs(eleventyCli: string, site: BaselineInput): string[] {
  return [eleventyCli, `--config=${BASELINE_CONFIG}`, `--input=${site.input}`, `--output=${site.output}`, '--quiet'];
}

const HUGO_SITE = fileURLToPath(new URL('./hugo/', import.meta.url));

/** Hugo, when installed (Debian's `hugo`): the second baseline. Null when it is not there. */
export function hugoVersion(): string | null {
  const found = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** The same pages as the Eleventy baseline, as a Hugo site: bench/hugo/ plus one content file per article. */
export function writeHugoInput(texts: readonly string[], root: string): BaselineInput {
  rmSync(root, { recursive: true, force: true });
  cpSync(HUGO_SITE, root, { recursive: true });
  const articles = join(root, 'content', 'articles');
  mkdirSync(articles, { recursive: true });
  texts.forEach((text, index) => writeFileSync(join(articles, `${String(index).padStart(6, '0')}.md`), markdownPage(text).replace('layout: base.njk\ntags: article\n', '')));
  return { root, input: root, output: join(root, 'public') };
}

export function hugoArgs(site: BaselineInput): string[] {
  return ['--quiet', '--source', site.input, '--destination', site.output];
}
