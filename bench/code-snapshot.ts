// A frozen copy of the code under test. Others edit the checkout while a bench runs for minutes,
// and the build keys its caches on a hash of src/ and templates/: one edit between the two builds
// of a rebuild measurement turns it into a full build. Building from a copy taken at the start
// keeps every figure of one run about the same code.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

const CODE = ['.eleventy.ts', 'bin', 'src', 'templates', 'public', 'types', 'bench', 'package.json', 'package-lock.json', 'tsconfig.json'];
const FINGERPRINTED = ['.eleventy.ts', 'bin', 'src', 'templates', 'public'];

export interface CodeSnapshot {
  dir: string;
  /** A hash of the build's code as copied, so a results file names what it measured. */
  fingerprint: string;
}

function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((file) => join(path, file))
    .filter((file) => statSync(file).isFile())
    .sort();
}

export function snapshotCode(root: string, dir: string): CodeSnapshot {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const corpus = join(root, 'bench', 'corpus');
  for (const entry of CODE.filter((name) => existsSync(join(root, name)))) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true, filter: (source) => !source.startsWith(corpus) });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const hash = createHash('sha256');
  for (const file of FINGERPRINTED.filter((name) => existsSync(join(dir, name))).flatMap((name) => filesOf(join(dir, name)))) {
    hash.update(relative(dir, file)).update(readFileSync(file));
  }
  return { dir, fingerprint: hash.digest('hex').slice(0, 12) };
}
