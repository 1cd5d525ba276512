import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Relative imports of every TypeScript module under src/, type-only ones included: a cycle of types is still a tangle. */
async function importGraph(): Promise<Map<string, string[]>> {
  const files = (await readdir(SRC, { recursive: true })).filter((file) => file.endsWith('.ts')).map((file) => join(SRC, file));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const targets = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map(([, path]) => resolve(dirname(file), path!));
    graph.set(file, targets.filter((target) => target.startsWith(SRC)));
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

test('no module under src/ imports itself through others', async () => {
  const graph = await importGraph();
  assert.ok(graph.size > 40, 'the graph covers the stages');
  const shown = cycles(graph).map((cycle) => cycle.map((file) => relative(SRC, file)).join(' → '));
  assert.deepEqual(shown, []);
});

test('the search stage is a leaf: it imports nothing from the site', async () => {
  const graph = await importGraph();
  for (const [file, targets] of graph) {
    if (!relative(SRC, file).startsWith('search/')) continue;
    for (const target of targets) assert.doesNotMatch(relative(SRC, target), /^site\//, `${relative(SRC, file)} imports ${relative(SRC, target)}`);
  }
});
