import process from 'node:process';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {reportUnexpected} from '../../source/cli/process-io.js';
import {registerSecret} from '../../source/secrets.js';

describe('reportUnexpected (what an uncaught error leaves on stderr)', () => {
	afterEach(() => vi.restoreAllMocks());

	function stderrOf(run: () => void): string {
		let written = '';
		vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
			written += String(chunk);
			return true;
		});
		run();
		return written;
	}

	it('one clear line pointing at --debug, without the stack', () => {
		const text = stderrOf(() => reportUnexpected(new TypeError('x is undefined'), false));
		expect(text).toBe('modelarts-watch: unexpected error: x is undefined (rerun with --debug for details)\n');
	});

	it('with --debug, the stack follows, and no secret is printed in either', () => {
		registerSecret('secret-value-31337');
		const text = stderrOf(() => reportUnexpected(new Error('token secret-value-31337 refused'), true));
		const [first] = text.split('\n');
		expect(first).toMatch(/^modelarts-watch: unexpected error: token \S+ refused$/);
		expect(text).toMatch(/\n {4}at /);
		expect(text).not.toContain('secret-value-31337');
	});
});
