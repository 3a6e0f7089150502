// Issue #23: a token file other users may open is used, with one line on stderr that names it and the fix.
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/sim/server.js';
import {assertBuilt, records, runCli} from './harness.js';

beforeAll(assertBuilt);

describe('a token file open to other users', () => {
	it('is used, and one stderr line names it with chmod 600', async context => {
		const sim = await startSimulator({scenario: 'success', speed: 100_000});
		context.onTestFinished(() => sim.close());
		const file = join(mkdtempSync(join(tmpdir(), 'mw-perm-')), 'token');
		writeFileSync(file, `${sim.token}\n`);
		chmodSync(file, 0o644);

		const result = await runCli([sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--token-file', file, '--json', '--once']);

		expect(result.code).toBe(0);
		expect(result.stderr.split('\n').filter(line => line.includes('chmod'))).toEqual([`warning: ${file} holds a credential and other users may open it (mode 644): run chmod 600 ${file}`]);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary'});
	});
});
