// The bundle as a person runs it, for what the build script changes in the packages it
// bundles (scripts/build.mjs): Ink's developer tools and Yoga's WebAssembly loading.
import {afterEach, describe, expect, it} from 'vitest';
import {killAllSessions, PtySession} from '../e2e/harness.js';

describe('dist/cli.js in a terminal', () => {
	afterEach(killAllSessions);

	it('shows the live view when DEV=true is set, as in many developer shells', async () => {
		// Given DEV=true, which makes Ink load its React DevTools bridge
		const session = PtySession.start({args: ['--demo'], cols: 100, rows: 30, env: {DEV: 'true'}});

		// Then the demo still opens on its deployment (Yoga laid it out) instead of crashing
		await session.waitForText('service-07085');
		await session.waitForText('Image building');

		// And q leaves with 0
		session.press('q');
		expect((await session.exit).code).toBe(0);
	});
});
