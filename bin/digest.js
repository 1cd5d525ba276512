#!/usr/bin/env node
// The package's bin is plain JS so `npx digest` needs no global tsx: it registers tsx's loader
// in-process, which also lets Eleventy import `.eleventy.ts` and the `.11ty.ts` templates.
// Node's default heap is enough: a build renders in slices and keeps derived texts in its cache,
// so its memory follows the slice size, not the corpus (bench/results-100k.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
