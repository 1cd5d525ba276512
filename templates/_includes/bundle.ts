import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A browser entry point bundled at build time, so that Eleventy is the only writer of the site.
 * ES2020 modules: every browser that runs `<script type="module">` runs this.
 */
export async function bundleScript(entryPoint: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    absWorkingDir: PROJECT,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced nothing for ${entryPoint}`);
  return output.text;
}
