// The dev-set tests run where the dev set sits beside the project, and are skipped, with the
// reason, where it does not (a clone on its own): one place says so for every such test.
import { test, type TestContext } from 'node:test';
import { DEVSET_ABSENT } from '../seeds.ts';

export const devsetTest = (name: string, fn: (t: TestContext) => void | Promise<void>): void => void test(name, { skip: DEVSET_ABSENT }, fn);
