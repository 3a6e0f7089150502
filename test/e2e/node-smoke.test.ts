// A smoke of the bundle on another Node line: .ci/run sets MW_TEST_NODE to the Node 22 and
// 24 binaries in turn and runs this file. Without it the rest of the suite already runs on
// the current node, so this one is skipped. The two demos take ~40 s each and run side by side.
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import pkg from '../../package.json' with {type: 'json'};
import {TEST_NODE} from '../fixtures/test-node.js';
import {records, runCli} from '../cli/harness.js';
import {PtySession} from './harness.js';

const otherNode = process.env['MW_TEST_NODE'];
const version = otherNode ? execFileSync(TEST_NODE, ['--version'], {encoding: 'utf8'}).trim() : 'no MW_TEST_NODE';
if (!otherNode) console.warn('node-smoke.test.ts: MW_TEST_NODE is not set: the smoke on another Node line is skipped');

describe.skipIf(!otherNode).concurrent(`dist/cli.js on node ${version}`, () => {
	it('prints its version', async () => {
		const result = await runCli(['--version']);

		expect(result.stdout.trim()).toBe(pkg.version);
		expect(result.code).toBe(0);
	});

	it('runs --demo success --json --exit-status to a succeeded summary, exit 0', async () => {
		const result = await runCli(['--demo', 'success', '--json', '--exit-status']);

		expect(result.code).toBe(0);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', outcome: 'succeeded', status: 'running'});
	}, 120_000);

	it('shows the TTY demo until running, then q exits 0', async () => {
		const session = PtySession.start({args: ['--demo'], cols: 120, rows: 40});
		try {
			await session.waitForText(/service-07085.*running/, 100_000);
			session.press('q');
			expect((await session.exit).code).toBe(0);
		} finally {
			await session.kill();
		}
	}, 120_000);
});
