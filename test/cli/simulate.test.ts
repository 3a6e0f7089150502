import {describe, expect, it} from 'vitest';
import {simulateOptions} from '../../source/cli/simulate.js';

describe('simulateOptions', () => {
	it('defaults to an ephemeral port, the success scenario, page offsets and real time', () => {
		expect(simulateOptions({})).toEqual({port: 0, scenario: 'success', offsetMode: 'page', speed: 1});
	});

	it('reads every option', () => {
		expect(simulateOptions({port: '8080', scenario: 'failure', offsetMode: 'record', speed: '2.5'})).toEqual({
			port: 8080,
			scenario: 'failure',
			offsetMode: 'record',
			speed: 2.5,
		});
	});

	it.each([
		[{port: '70000'}, '--port'],
		[{port: 'http'}, '--port'],
		[{scenario: 'nope'}, '--scenario'],
		[{offsetMode: 'bytes'}, '--offset-mode'],
		[{speed: '0'}, '--speed'],
		[{speed: 'fast'}, '--speed'],
	])('rejects %j naming %s', (flags, flag) => {
		expect(simulateOptions(flags)).toEqual(expect.stringContaining(flag));
	});
});
