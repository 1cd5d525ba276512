import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandOf } from '../../src/cli-args.ts';

test('the command is the first word that is not an option or its value, help wins, and a usage error has none', () => {
  assert.equal(commandOf(['build', '--feeds', 'feeds']), 'build');
  assert.equal(commandOf(['--out', 'serve-here', 'serve']), 'serve');
  assert.equal(commandOf(['--cache', 'build', 'check']), 'check');
  assert.equal(commandOf(['build', '--help']), 'help');
  assert.equal(commandOf([]), 'help');
  assert.equal(commandOf(['build', '--no-such-flag']), null);
});
