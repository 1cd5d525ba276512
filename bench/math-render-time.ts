// Child process of the bench: time renderExcerpt over every distinct article text, in a fresh
// process so each run starts as cold as a build does. Prints one JSON line on stdout.
//   node --import tsx bench/math-render-time.ts <texts.json>
import { readFileSync } from 'node:fs';

export interface RenderTiming {
  /** Loading the render module and its dependencies (unified, KaTeX). */
  importSeconds: number;
  /** Rendering every text, once each, in order. */
  renderSeconds: number;
  texts: number;
  htmlBytes: number;
  diagnostics: number;
}

interface RenderedExcerpt {
  html: string;
  diagnostics: readonly unknown[];
}

type RenderExcerpt = (text: string) => RenderedExcerpt | Promise<RenderedExcerpt>;

async function main(textsFile: string): Promise<RenderTiming> {
  const texts = JSON.parse(readFileSync(textsFile, 'utf8')) as string[];
  const importStarted = performance.now();
  const module = (await import('../src/render/index.ts')) as { renderExcerpt?: RenderExcerpt };
  const importSeconds = (performance.now() - importStarted) / 1000;
  const renderExcerpt = module.renderExcerpt;
  if (typeof renderExcerpt !== 'function') throw new Error('src/render/index.ts exports no renderExcerpt');
  let htmlBytes = 0;
  let diagnostics = 0;
  const started = performance.now();
  for (const text of texts) {
    const rendered = await renderExcerpt(text);
    htmlBytes += Buffer.byteLength(rendered.html);
    diagnostics += rendered.diagnostics.length;
  }
  const renderSeconds = (performance.now() - started) / 1000;
  return { importSeconds, renderSeconds, texts: texts.length, htmlBytes, diagnostics };
}

const textsFile = process.argv[2];
if (textsFile === undefined) {
  console.error('usage: node --import tsx bench/math-render-time.ts <texts.json>');
  process.exitCode = 2;
} else {
  console.log(JSON.stringify(await main(textsFile)));
}
