import {describe, expect, it} from 'vitest';
import {normalizeDemoFlag, parseCommandLine} from '../../source/cli/parse.js';

const SCENARIOS = ['success', 'failure', 'multi-model'];
const parse = (...argv: string[]) => parseCommandLine(argv, SCENARIOS);

describe('normalizeDemoFlag', () => {
	it.each([
		[['--demo'], ['--demo=']],
		[['--demo', 'failure'], ['--demo=failure']],
		[['--demo=failure'], ['--demo=failure']],
		[['--demo', '35de3ca9'], ['--demo=', '35de3ca9']],
		[['--demo', '--json'], ['--demo=', '--json']],
		[['--json', '--demo', 'multi-model', '--once'], ['--json', '--demo=multi-model', '--once']],
		[['--', '--demo', 'failure'], ['--', '--demo', 'failure']],
	])('given %j it rewrites to %j', (argv, expected) => {
		expect(normalizeDemoFlag(argv, SCENARIOS)).toEqual(expected);
	});
});

describe('parseCommandLine', () => {
	it('reads the service id and keeps flag values as raw strings', () => {
		expect(parse('svc-1', '--interval', '0.5', '--type', 'abnormal', '--exit-status', '--project-id', 'p1')).toEqual({
			kind: 'watch',
			flags: {serviceId: 'svc-1', interval: '0.5', type: 'abnormal', exitStatus: true, projectId: 'p1'},
		});
	});

	it('leaves unset flags out so config can fall back to the environment', () => {
		expect(parse('svc')).toEqual({kind: 'watch', flags: {serviceId: 'svc'}});
	});

	it.each([
		[['--no-color'], {color: false}],
		[['--no-notify'], {notify: false}],
		[['--low-bandwidth', '--utc'], {lowBandwidth: true, utc: true}],
		[['--output=json'], {output: 'json'}],
	])('maps %j', (argv, flags) => {
		expect(parse(...argv)).toEqual({kind: 'watch', flags});
	});

	it.each([
		[['--demo'], true],
		[['--demo', 'failure'], 'failure'],
		[['--demo=multi-model'], 'multi-model'],
	])('demo %j becomes %j', (argv, demo) => {
		expect(parse(...argv)).toEqual({kind: 'watch', flags: {demo}});
	});

	it('does not eat a service id after --demo', () => {
		expect(parse('--demo', 'abc-123')).toEqual({kind: 'watch', flags: {demo: true, serviceId: 'abc-123'}});
	});

	it.each([[['--help']], [['-h']], [['svc', '--json', '--help']]])('%j asks for help', argv => {
		expect(parse(...argv)).toEqual({kind: 'help'});
	});

	it('--version asks for the version', () => {
		expect(parse('--version')).toEqual({kind: 'version'});
	});

	it('rejects two service ids', () => {
		expect(parse('a', 'b')).toMatchObject({kind: 'usage-error', message: expect.stringContaining('one service id')});
	});

	it('parses the simulate subcommand with its own flags', () => {
		expect(parseCommandLine(['simulate', '--port', '8080', '--scenario', 'failure', '--offset-mode', 'record', '--speed', '4'], SCENARIOS)).toEqual({
			kind: 'simulate',
			flags: {port: '8080', scenario: 'failure', offsetMode: 'record', speed: '4'},
		});
	});
});
