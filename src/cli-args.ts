import { parseArgs } from 'node:util';

/** The CLI's words, in one table: the launcher (bin/digest.js) reads them too, before it loads the build. */
export function readArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      feeds: { type: 'string', default: 'feeds' },
      out: { type: 'string', default: '_site' },
      base: { type: 'string' },
      'site-url': { type: 'string' },
      port: { type: 'string', default: '8080' },
      settle: { type: 'string' },
      cache: { type: 'string', default: '.cache' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return { command: values.help ? 'help' : (positionals[0] ?? 'help'), values, positionals };
}

/** The command `argv` asks for, or null for a usage error (which the CLI itself reports). */
export function commandOf(argv: string[]): string | null {
  try {
    return readArgs(argv).command;
  } catch {
    return null;
  }
}
