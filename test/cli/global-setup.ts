// Vitest global setup for the process-level CLI tests: build dist/cli.js once, before any
// test file runs, so the tests exercise exactly what `npx modelarts-watch` would run.
// Wire it with `globalSetup: ['test/cli/global-setup.ts']` in vitest.config.ts.
import {execFileSync} from 'node:child_process';

export function setup(): void {
	execFileSync(process.execPath, ['scripts/build.mjs'], {stdio: 'inherit'});
}
