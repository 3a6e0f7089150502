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
		[['--demo', 'success', 'failure', 'multi-model'], ['--demo=success,failure,multi-model']],
		[['--demo', 'success,failure', '--once'], ['--demo=success,failure', '--once']],
		[['--demo', 'failure', '35de3ca9', 'success'], ['--demo=failure', '35de3ca9', 'success']],
	])('given %j it rewrites to %j', (argv, expected) => {
		expect(normalizeDemoFlag(argv, SCENARIOS)).toEqual(expected);
	});
});

describe('parseCommandLine', () => {
	it('reads the service id and keeps flag values as raw strings', () => {
		expect(parse('svc-1', '--interval', '0.5', '--type', 'abnormal', '--exit-status', '--project-id', 'p1')).toEqual({
			kind: 'watch',
			flags: {serviceIds: ['svc-1'], interval: '0.5', type: 'abnormal', exitStatus: true, projectId: 'p1'},
		});
	});

	it('leaves unset flags out so config can fall back to the environment', () => {
		expect(parse('svc')).toEqual({kind: 'watch', flags: {serviceIds: ['svc']}});
	});

	it.each([
		[['--no-color'], {color: false}],
		[['--no-notify'], {notify: false}],
		[['--low-bandwidth', '--utc'], {lowBandwidth: true, utc: true}],
		[['--output=json'], {output: 'json'}],
		[['--max-response-size', '64MiB'], {maxResponseSize: '64MiB'}],
		[['--slow-after', 'pull=15m,start=12m', '--deploy-timeout', '40m'], {slowAfter: 'pull=15m,start=12m', deployTimeout: '40m'}],
	])('maps %j', (argv, flags) => {
		expect(parse(...argv)).toEqual({kind: 'watch', flags});
	});

	it.each([
		[['--demo'], true],
		[['--demo', 'failure'], 'failure'],
		[['--demo=multi-model'], 'multi-model'],
		[['--demo', 'success', 'failure'], 'success,failure'],
	])('demo %j becomes %j', (argv, demo) => {
		expect(parse(...argv)).toEqual({kind: 'watch', flags: {demo}});
	});

	it('takes --demo-deny beside --demo, value untouched (the run validates it)', () => {
		expect(parse('--demo', '--demo-deny', 'monitor=403,logs=404')).toEqual({kind: 'watch', flags: {demo: true, demoDeny: 'monitor=403,logs=404'}});
	});

	it('does not eat a service id after --demo', () => {
		expect(parse('--demo', 'abc-123')).toEqual({kind: 'watch', flags: {demo: true, serviceIds: ['abc-123']}});
	});

	it.each([[['--help']], [['-h']], [['svc', '--json', '--help']]])('%j asks for help', argv => {
		expect(parse(...argv)).toEqual({kind: 'help'});
	});

	it('--version asks for the version', () => {
		expect(parse('--version')).toEqual({kind: 'version'});
	});

	it('reads several services: ids, repeated --service-name, --all, --include-running and --max-rate', () => {
		expect(parse('a', 'b', '--service-name', 'x', '--service-name', 'y', '--max-rate', '2.5')).toEqual({
			kind: 'watch',
			flags: {serviceIds: ['a', 'b'], serviceName: ['x', 'y'], maxRate: '2.5'},
		});
		expect(parse('--all', '--include-running')).toEqual({kind: 'watch', flags: {all: true, includeRunning: true}});
	});

	it('reads --wait-for-service as a boolean beside --service-name (the config checks that it has one)', () => {
		expect(parse('--service-name', 'late', '--wait-for-service')).toEqual({kind: 'watch', flags: {serviceName: ['late'], waitForService: true}});
		expect(parse('--wait-for-service=maybe')).toMatchObject({kind: 'usage-error'});
	});

	it.each([
		[['svc', '--bogus'], 'unknown flag --bogus'],
		[['svc', '--intervall', '5'], 'unknown flag --intervall: did you mean --interval?'],
		[['svc', '--servicename', 'x'], 'unknown flag --servicename: did you mean --service-name?'],
		[['svc', '--exit-stauts'], 'unknown flag --exit-stauts: did you mean --exit-status?'],
		[['svc', '--no-colour'], 'unknown flag --no-colour: did you mean --no-color?'],
		[['svc', '-x'], 'unknown flag -x'],
		[['svc', '--token', 'abc'], 'unknown flag --token'],
	])('%j is a usage error in our words: %s', (argv, message) => {
		expect(parse(...argv)).toEqual({kind: 'usage-error', message});
	});

	it.each([
		[['svc', '--since', '2h', '--until', '1h']],
		[['svc', '--interval', '-1']],
		[['svc', '--since', '-2h']],
		[['svc', '--no-color', '--no-notify']],
		[['--', 'svc']],
		[['svc', '--output=json', '-h']],
	])('%j has no unknown flag (values and negations are read as such)', argv => {
		expect(parse(...argv).kind).not.toBe('usage-error');
	});

	it('parses the simulate subcommand with its own flags', () => {
		expect(parseCommandLine(['simulate', '--port', '8080', '--scenario', 'failure', '--scenario', 'stuck', '--offset-mode', 'record', '--speed', '4', '--deny', 'logs=404'], SCENARIOS)).toEqual({
			kind: 'simulate',
			flags: {port: '8080', scenario: ['failure', 'stuck'], offsetMode: 'record', speed: '4', deny: 'logs=404'},
		});
		expect(parseCommandLine(['simulate', '--sped', '4'], SCENARIOS)).toEqual({kind: 'usage-error', message: 'unknown flag --sped: did you mean --speed?'});
	});
});
