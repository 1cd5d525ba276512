import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalize } from '../../src/topics/normalize.ts';

// The definition, one character at a time, as normalize was first written: the code-based version
// must agree with it on every input, positions and cuts included.
function byCharacter(input: string) {
  const kind = (char: string) => (char >= 'A' && char <= 'Z' ? 'upper' : char >= 'a' && char <= 'z' ? 'lower' : char >= '0' && char <= '9' ? 'digit' : 'other');
  const cjk = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
  const source = input.normalize('NFKC');
  const out: string[] = [];
  const kept: string[] = [];
  const cuts: number[] = [];
  let pendingCut = false;
  let units = 0;
  let inWord = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (/[\s\-_‐‑‒–·・]/.test(char)) {
      pendingCut = true;
      inWord = false;
      continue;
    }
    const [before, here, after] = [kind(source[index - 1] ?? ' '), kind(char), kind(source[index + 1] ?? ' ')];
    const camel =
      (before === 'lower' && here === 'upper') ||
      (before === 'upper' && here === 'upper' && after === 'lower') ||
      (before === 'digit' && (here === 'upper' || here === 'lower')) ||
      ((before === 'upper' || before === 'lower') && here === 'digit');
    if (pendingCut || camel) cuts.push(out.length);
    pendingCut = false;
    if (here === 'upper' || here === 'lower') {
      if (!inWord) units += 2;
      inWord = true;
    } else {
      inWord = false;
      if (cjk(char.charCodeAt(0))) units += 1;
    }
    kept.push(char);
    out.push(here === 'upper' ? char.toLowerCase() : char);
  }
  const text = out.join('');
  const cut = new Uint8Array(text.length + 1);
  for (const position of cuts) cut[position] = 1;
  return { text, cased: kept.join(''), cut, units };
}

const PIECES = ['Actor-Critic', 'modelfree', 'SD3', 'PPOTrainer', 'İstanbul', 'ＧＰＴ４', '注意力', '・', '·', '\u3000', '\u00a0', '_', ' ', '\t', 'x_i', 'ResNet50', '𝒙', '\ud835', 'Q学习', '2D', 'a'];

test('normalize agrees with its character-by-character definition on any text', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((parts) => parts.join('')),
  );
  fc.assert(fc.property(text, (input) => assert.deepEqual(normalize(input), byCharacter(input))), { numRuns: 2_000 });
});

test('separators go, and what they separated stays a word boundary', () => {
  const normal = normalize('Actor-Critic 与 PPOTrainer');
  assert.equal(normal.text, 'actorcritic与ppotrainer');
  assert.equal(normal.cased, 'ActorCritic与PPOTrainer');
  assert.deepEqual([...normal.cut.keys()].filter((at) => normal.cut[at] === 1), [5, 11, 12, 15]);
  assert.equal(normal.units, 2 + 2 + 1 + 2, "Actor, Critic, 与, PPOTrainer");
});
