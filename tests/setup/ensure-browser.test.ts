import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT } from '../support/build.ts';
import { scratchFolder } from '../support/scratch.ts';

const run = promisify(execFile);
const SCRIPT = join(PROJECT, 'scripts', 'ensure-browser.sh');

interface Machine {
  chromium: boolean;
  cjkFonts: boolean;
  aptGet: boolean;
  uid: number;
  sudo: boolean;
}

/**
 * A machine made of stand-in commands on an otherwise empty PATH: `apt-get` and `sudo` write
 * what they were asked to a log (and `apt-get install` "installs" Chromium and the fonts), `id -u`
 * says who we are, `fc-list` lists a CJK font or none.
 */
async function pretestOn(machine: Machine) {
  const root = scratchFolder('digest-pretest-');
  const bin = join(root, 'bin');
  const chromium = join(root, 'chromium');
  const log = join(root, 'log');
  const fonts = join(root, 'fonts');
  await run('mkdir', [bin]);
  await writeFile(log, '');
  if (machine.cjkFonts) await writeFile(fonts, 'Noto Sans CJK SC');
  const tool = async (name: string, body: string) => {
    await writeFile(join(bin, name), `#!/bin/bash\n${body}\n`);
    await chmod(join(bin, name), 0o755);
  };
  await tool('id', `echo ${machine.uid}`);
  await tool('head', 'exec /usr/bin/head "$@"');
  await tool('env', 'exec /usr/bin/env "$@"');
  await tool('fc-list', `[ -e ${fonts} ] && echo "Noto Sans CJK SC"; true`);
  if (machine.aptGet) {
    const install = `echo '#!/bin/true' > ${chromium}; /bin/chmod +x ${chromium}; echo CJK > ${fonts}`;
    await tool('apt-get', `echo "apt-get $*" >> ${log}\nif [ "$1" = install ]; then ${install}; fi`);
  }
  if (machine.sudo) await tool('sudo', `echo "sudo" >> ${log}\nexec "$@"`);
  if (machine.chromium) await tool('../chromium', 'true');
  const env = { PATH: bin, CHROMIUM_PATH: chromium };
  try {
    const { stdout, stderr } = await run('/bin/bash', [SCRIPT], { env });
    return { code: 0, stdout, stderr, log: (await readFile(log, 'utf8')).trim().split('\n').filter(Boolean) };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr, log: (await readFile(log, 'utf8')).trim().split('\n').filter(Boolean) };
  }
}

const READY: Machine = { chromium: true, cjkFonts: true, aptGet: true, uid: 0, sudo: false };
const INSTALL = ['apt-get update -qq', 'apt-get install -y -qq chromium fonts-noto-cjk'];

test('with Chromium and CJK fonts in place, pretest does nothing', async () => {
  assert.deepEqual(await pretestOn(READY), { code: 0, stdout: '', stderr: '', log: [] });
});

test('as root, a missing Chromium or missing CJK fonts are installed with apt-get', async () => {
  for (const missing of [{ chromium: false }, { cjkFonts: false, chromium: false }]) {
    const result = await pretestOn({ ...READY, ...missing });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.log, INSTALL);
    assert.match(result.stderr, /^npm test: installing chromium fonts-noto-cjk for the browser tests \(apt-get\)\n$/);
  }
});

test('not as root, apt-get runs through sudo', async () => {
  const result = await pretestOn({ ...READY, chromium: false, uid: 1000, sudo: true });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(result.log, ['sudo', INSTALL[0], 'sudo', INSTALL[1]]);
});

test('where nothing can install them, pretest stops with the one command to run', async () => {
  const noApt = await pretestOn({ ...READY, chromium: false, aptGet: false });
  assert.equal(noApt.code, 1);
  assert.match(noApt.stderr, /need Chromium at .*chromium and CJK fonts\. Install them with your package manager \(on Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\)/);
  const noSudo = await pretestOn({ ...READY, chromium: false, uid: 1000 });
  assert.equal(noSudo.code, 1);
  assert.match(noSudo.stderr, /Run as root: apt-get update && apt-get install -y chromium fonts-noto-cjk\n$/);
  assert.deepEqual(noSudo.log, []);
});
