// The baseline site's input: bench/baseline/site/ plus one Markdown page per distinct article.
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
