// The hostile feeds too big to commit, written at test time: a multi-megabyte line, a drop of
// 5,000 entries and the parser bombs. Each comes with what it holds, as the fixtures do in cases.ts.
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HOSTILE_FEEDS, type ExpectedDiagnostic, type FixtureCase } from './cases.ts';
import { scratchFolder } from '../support/scratch.ts';

const HEADER = 'INCOMING TRANSMISSION\n\nLATEST UPDATES\n';
/** The first line after the header. */
const FIRST = 4;

export interface GeneratedFeed extends FixtureCase {
  content: string;
}

function feed(file: string, lines: readonly string[], diagnostics: FixtureCase['diagnostics'] = []): GeneratedFeed {
  return {
    file,
    content: `${HEADER}${lines.join('\n')}\n`,
    entries: lines.map((text, index) => ({ line: FIRST + index, text })),
    diagnostics,
  };
}

/** About 6 MB of UTF-8 on one line, between two ordinary lines that must survive it. */
export function longLineFeed(): GeneratedFeed {
  const long = `超长的一行:${'注意力机制把查询与键比较。'.repeat(160_000)}`;
  return feed('20_long-line.txt', ['长行之前的摘录:扩散模型。', long, '长行之后的摘录:强化学习。'], [[FIRST + 1, 'warning', 'ingest:long-line']]);
}

/** 5,000 distinct entries in one drop; every tenth carries math, so the typesetter works too. */
export function bigDropFeed(count = 5000): GeneratedFeed {
  const lines = Array.from({ length: count }, (_, i) =>
    i % 10 === 0
      ? `第 ${i} 条大批量摘录:公式 \\(x_{${i}} + y^{${i}}\\) 与占位 [Math] 共同出现。`
      : `第 ${i} 条大批量摘录:第 ${i * 7919 % 10007} 号模型在注意力与扩散上的实验记录。`,
  );
  return feed('21_five-thousand.txt', lines);
}

export interface Bomb {
  name: string;
  line: string;
  /** Whether the typesetter turns its formula down (and says so) rather than typesetting it. */
  refused?: boolean;
  /** Seconds it may take; linear work on this input alone takes a good part of the default 60. */
  budget?: number;
}

// Inputs that a backtracking regex, a pairwise scan or a recursive walk would choke on. They are
// large enough that anything quadratic would take minutes, so the test runner's timeout is the
// assertion that none is; and none may blow the stack between ingest and the written page.
export const BOMBS: Bomb[] = [
  { name: '200,000 unclosed \\(', line: '\\('.repeat(200_000) },
  { name: '200,000 unclosed \\[', line: '\\['.repeat(200_000) },
  { name: 'unclosed [Math repeated 200,000 times', line: '[Math'.repeat(200_000) },
  { name: '500,000 open braces', line: '{'.repeat(500_000) },
  { name: '5,000 open braces inside \\( \\)', line: `\\(${'{'.repeat(5_000)}\\)`, refused: true },
  { name: '900 nested braces inside \\( \\)', line: `公式 \\(${'{'.repeat(900)}x${'}'.repeat(900)}\\) 结束`, refused: true },
  { name: '300 nested superscripts inside \\( \\)', line: `公式 \\(${'x^{'.repeat(300)}x${'}'.repeat(300)}\\) 结束`, refused: true },
  // About 1 KB of KaTeX markup per placeholder: 100 MB of HTML, some 15 s of honest work.
  { name: '100,000 [Math]', line: '[Math]'.repeat(100_000), budget: 180 },
  { name: '5 MB of a_', line: 'a_'.repeat(2_500_000) },
  { name: '200,000 unclosed x_{', line: 'x_{'.repeat(200_000) },
  { name: '500,000 $', line: '$'.repeat(500_000) },
  { name: 'TeX, placeholders and loose scripts mixed 20,000 times', line: 'x_i \\( [公式] \\[ [Math。'.repeat(20_000) },
];

const LONG_LINE_BYTES = 64 * 1024;

/** One drop holding the bombs, one per line; ingest's warnings come first, then the typesetter's. */
export function bombFeed(bombs: readonly Bomb[] = BOMBS): GeneratedFeed {
  const lines = bombs.map((bomb) => bomb.line);
  const long = lines.flatMap((line, index): ExpectedDiagnostic[] =>
    Buffer.byteLength(line) > LONG_LINE_BYTES ? [[FIRST + index, 'warning', 'ingest:long-line']] : [],
  );
  const refused = bombs.flatMap((bomb, index): ExpectedDiagnostic[] =>
    bomb.refused === true ? [[FIRST + index, 'warning', 'render:tex-refused']] : [],
  );
  return feed('22_bombs.txt', lines, [...long, ...refused]);
}

/** The committed hostile folder plus the generated feeds, in a fresh temporary folder. */
export async function hostileFolder(generated: readonly GeneratedFeed[]): Promise<string> {
  const folder = join(scratchFolder('digest-hostile-'), 'feeds');
  await cp(HOSTILE_FEEDS, folder, { recursive: true });
  for (const file of generated) await writeFile(join(folder, file.file), file.content);
  return folder;
}
