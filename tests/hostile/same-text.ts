import assert from 'node:assert/strict';

/** assert.equal for texts of megabytes: on a mismatch it shows where they part, not both whole. */
export function assertSameText(actual: string, expected: string, label: string): void {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 20), at + 40));
  assert.fail(
    `${label}: texts part at offset ${at} (lengths ${actual.length} and ${expected.length}): ` +
      `got ${around(actual)}, expected ${around(expected)}`,
  );
}
