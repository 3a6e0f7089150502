// Issue #23: --debug lists IAM requests (the password login, the project look-up) as it
// lists ModelArts requests, one line each, with no secret in them.
import {beforeAll, describe, expect, it} from 'vitest';
import {createSimAuth} from '../../source/sim/endpoints/auth-check.js';
import {createIamRoutes} from '../../source/sim/endpoints/iam.js';
import {startSimulator} from '../../source/sim/server.js';
import {assertBuilt, runCli} from './harness.js';

beforeAll(assertBuilt);

const PROJECT = '0123456789abcdef0123456789abcdef';
const PASSWORD = 'iam-password-debug-9431';

describe('--debug with a password login', () => {
	it('logs the IAM login and the ModelArts requests, one line each, with no secret', async context => {
		const iam = createIamRoutes({users: [{name: 'alice', password: PASSWORD, domain: 'dom'}], tokenTtlMs: 60 * 60_000, projects: [{id: PROJECT, name: 'eu-de'}]});
		const sim = await startSimulator({scenario: 'success', projectId: PROJECT, speed: 100_000, auth: createSimAuth({tokens: iam.tokenState, projectId: PROJECT}), routes: [iam.route]});
		context.onTestFinished(() => sim.close());
		const env = {OS_AUTH_URL: `${sim.url}/v3`, OS_USERNAME: 'alice', OS_PASSWORD: PASSWORD, OS_USER_DOMAIN_NAME: 'dom', OS_PROJECT_NAME: 'eu-de'};

		const result = await runCli([sim.serviceId, '--endpoint', sim.url, '--json', '--once', '--debug'], {env});

		expect(result.code).toBe(0);
		const lines = result.stderr.split('\n').filter(line => line.startsWith('debug: '));
		expect(lines.filter(line => line.includes('/v3/auth/tokens'))).toEqual([expect.stringMatching(/^debug: POST http:\/\/127\.0\.0\.1:\d+\/v3\/auth\/tokens → 201 in \d+ ms$/)]);
		expect(lines.some(line => /^debug: GET .*\/v1\/.*\/events.* 200/.test(line))).toBe(true);
		expect(result.stderr).not.toContain(PASSWORD);
	});
});
