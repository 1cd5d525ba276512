import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { SEARCH_CLIENT_PATH } from '../src/search/index.ts';
import { singlePage } from './_includes/single.ts';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The search client, bundled with Fuse.js at build time so that Eleventy is the only writer of
 * the site. ES2020 modules: every browser that runs `<script type="module">` runs this.
 */
export default class SearchClient {
  data() {
    return singlePage('search-client', SEARCH_CLIENT_PATH);
  }

  async render(): Promise<string> {
    const result = await build({
      entryPoints: ['src/search/client.ts'],
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
    if (output === undefined) throw new Error('esbuild produced no search client');
    return output.text;
  }
}
