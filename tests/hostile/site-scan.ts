// Every page and feed of a built site, read with the markup scanner: what no output may carry,
// whatever the feeds said.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { nestingError, scanTags, type Tag, unsafeMarkup } from './html-scan.ts';

export async function outputFiles(outDir: string, extension: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)))
    .sort();
}

const UNSAFE_SCRIPT_SOURCES = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:'];

/** The page's CSP must leave script to files of the site itself, so that no inline script could run. */
function cspProblem(tags: readonly Tag[]): string | null {
  const metas = tags.filter((tag) => tag.name === 'meta' && tag.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy');
  if (metas.length !== 1) return `${metas.length} Content-Security-Policy <meta> elements`;
  const head = tags.findIndex((tag) => tag.name === 'head' && !tag.closing);
  const headEnd = tags.findIndex((tag) => tag.name === 'head' && tag.closing);
  const at = tags.indexOf(metas[0]!);
  if (!(head < at && at < headEnd)) return 'the CSP <meta> is not in <head>';
  const firstScript = tags.findIndex((tag) => tag.name === 'script');
  if (firstScript !== -1 && firstScript < at) return 'a <script> comes before the CSP <meta>';
  const directives = new Map(
    (metas[0]!.attributes.get('content') ?? '').split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name.toLowerCase(), sources] as const;
    }),
  );
  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  if (scriptSources === undefined) return 'the CSP has neither script-src nor default-src';
  const unsafe = scriptSources.filter((source) => UNSAFE_SCRIPT_SOURCES.includes(source.toLowerCase()));
  return unsafe.length > 0 ? `the CSP allows script from ${unsafe.join(' ')}` : null;
}

/** Problems in every HTML page and XML feed under outDir, each prefixed by its file. */
export async function siteProblems(outDir: string): Promise<{ pages: number; problems: string[] }> {
  const problems: string[] = [];
  const pages = await outputFiles(outDir, '.html');
  const feeds = await outputFiles(outDir, '.xml');
  for (const file of [...pages, ...feeds]) {
    const markup = await readFile(join(outDir, file), 'utf8');
    let tags: Tag[];
    try {
      tags = scanTags(markup);
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const nesting = nestingError(tags, file.endsWith('.xml'));
    const csp = file.endsWith('.html') ? cspProblem(tags) : null;
    for (const problem of [nesting, csp, ...unsafeMarkup(tags)]) if (problem !== null) problems.push(`${file}: ${problem}`);
  }
  return { pages: pages.length, problems };
}
