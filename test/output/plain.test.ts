import {describe, expect, it} from 'vitest';
import {UNICODE_PUNCTUATION} from '../../source/core/words/punctuation.js';
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../../source/core/events/sanitize.js';
import {plainSummaryLines, plainUpdateLines, type PlainStyle} from '../../source/output/plain.js';
import {createTimeFormatter} from '../../source/output/time-format.js';
import {deployment, details, event, snapshot, T0, track} from './fixtures.js';

const ESC = '\u001B';
const style = (patch: Partial<PlainStyle> = {}): PlainStyle => ({
	color: false,
	formatTime: createTimeFormatter({kind: 'utc'}),
	sanitize: sanitizeForTerminal,
	punctuation: UNICODE_PUNCTUATION,
	...patch,
});

describe('plainUpdateLines', () => {
	it('prints each new event on one line with its time and type', () => {
		const lines = plainUpdateLines(snapshot(), snapshot(), [event('start to deploy service', T0), event('Insufficient resources.', T0 + 5000, 'abnormal')], T0 + 6000, style());
		expect(lines).toEqual(['10:00:00Z  normal    start to deploy service', '10:00:05Z  ABNORMAL  Insufficient resources.']);
	});

	it('marks abnormal events in words, and in red only when colour is allowed', () => {
		const abnormal = [event('boom', T0, 'abnormal')];
		const [plain] = plainUpdateLines(snapshot(), snapshot(), abnormal, T0, style());
		const [coloured] = plainUpdateLines(snapshot(), snapshot(), abnormal, T0, style({color: true}));
		expect(plain).not.toContain(ESC);
		expect(coloured).toContain(`${ESC}[31m`);
		expect(coloured).toContain('ABNORMAL');
	});

	it('never lets event text move the cursor or break the line', () => {
		const [line] = plainUpdateLines(snapshot(), snapshot(), [event(`evil${ESC}[2J\nnext`, T0)], T0, style());
		expect(line).not.toContain(ESC);
		expect(line).not.toContain('\n');
		const [ascii] = plainUpdateLines(snapshot(), snapshot(), [event('naïve ✓', T0)], T0, style({sanitize: sanitizeForAsciiTerminal}));
		expect(ascii).toMatch(/^[\x20-\x7e]+$/);
	});

	it('reports phase starts, ends with durations, and failures with the cause', () => {
		const before = snapshot({deployment: deployment({tracks: [track('TF 3.0.0', [{state: 'active', startedAt: T0}])]})});
		const after = snapshot({
			deployment: deployment({
				tracks: [
					track('TF 3.0.0', [
						{state: 'done', startedAt: T0, endedAt: T0 + 133_000},
						{state: 'failed', startedAt: T0 + 133_000, endedAt: T0 + 193_000, cause: 'Insufficient resources.'},
					]),
				],
			}),
		});
		expect(plainUpdateLines(before, after, [], T0 + 200_000, style())).toEqual([
			'10:02:13Z  phase     [TF 3.0.0] Image building done in 2m13s',
			'10:03:13Z  phase     [TF 3.0.0] Environment preparation FAILED after 1m00s: Insufficient resources.',
		]);
	});

	it('calls a failed phase that moves again a retry, at the time of the event that moved it', () => {
		// Given an image pull that failed at 10:00:04 and an event that starts it again at 10:00:07
		const failed = snapshot({deployment: deployment({tracks: [track('TF 3.0.0', [{state: 'failed', startedAt: T0, endedAt: T0 + 4000, cause: 'pull image failed, retry later'}])]})});
		const retrying = snapshot({deployment: deployment({tracks: [track('TF 3.0.0', [{state: 'active', startedAt: T0}])]})});

		// Then the line says retrying, after the event, not "started" at the first start time
		expect(plainUpdateLines(failed, retrying, [event('[TF 3.0.0] pulling model image', T0 + 7000)], T0 + 8000, style())).toEqual([
			'10:00:07Z  normal    [TF 3.0.0] pulling model image',
			'10:00:07Z  phase     [TF 3.0.0] Image building retrying',
		]);
	});

	it('says nothing when a new lifecycle resets phases to pending', () => {
		const before = snapshot({deployment: deployment({tracks: [track(null, [{state: 'done', startedAt: T0, endedAt: T0 + 1}])]})});
		expect(plainUpdateLines(before, snapshot(), [], T0, style())).toEqual([]);
	});

	it('adds a status line when the status or its error changes, not on progress alone', () => {
		const deploying = snapshot({details: details('deploying', {progress: 10})});
		const further = snapshot({details: details('deploying', {progress: 40})});
		const failed = snapshot({details: details('failed', {error_msg: 'no quota'})});
		expect(plainUpdateLines(snapshot(), deploying, [], T0, style())).toEqual(['10:00:00Z  status    deploying 10%']);
		expect(plainUpdateLines(deploying, further, [], T0, style())).toEqual([]);
		expect(plainUpdateLines(further, failed, [], T0, style())).toEqual(['10:00:00Z  status    failed: no quota']);
	});
});

describe('plainSummaryLines', () => {
	it('a service that turned concerning after its deploy: the deploy\'s time, "now degraded", in yellow, never green', () => {
		const concerning = deployment({outcome: 'succeeded', status: 'concerning', concerning: true, startedAt: T0, endedAt: T0 + 12_000});
		const [, headline] = plainSummaryLines(snapshot({deployment: concerning}), T0 + 20_000, style({color: true}));
		expect(headline).toBe('\u001B[33mDeployed in 12s; the service is now degraded (concerning)\u001B[0m');
	});

	it('closes with the outcome, every phase and the event count', () => {
		const done = (start: number) => ({state: 'done' as const, startedAt: T0 + start, endedAt: T0 + start + 10_000});
		const finished = snapshot({
			events: [event('a', T0), event('b', T0, 'abnormal')],
			details: details('running'),
			deployment: deployment({
				outcome: 'succeeded',
				startedAt: T0,
				endedAt: T0 + 252_000,
				tracks: [track('TF 3.0.0', [done(0), done(10_000), done(20_000), done(30_000), done(40_000)])],
			}),
		});
		expect(plainSummaryLines(finished, T0 + 300_000, style())).toEqual([
			'',
			'Deployed in 4m12s: the service is running (my-service)',
			'  TF 3.0.0',
			'    done     Image building           10s',
			'    done     Environment preparation  10s',
			'    done     Resource scheduling      10s',
			'    done     Image pulling            10s',
			'    done     Model startup            10s',
			'  2 events (1 abnormal)',
		]);
	});

	it('names the cause of a failure', () => {
		const failed = snapshot({deployment: deployment({outcome: 'failed', errorMsg: 'Failed to start service.'})});
		const lines = plainSummaryLines(failed, T0, style());
		expect(lines[1]).toBe('Deployment failed');
		expect(lines).toContain('  error: Failed to start service.');
	});

	it('marks a phase that recovered from abnormal events, and a concerning service', () => {
		const recovered = snapshot({
			deployment: deployment({
				outcome: 'succeeded',
				concerning: true,
				tracks: [track(null, [{state: 'done', startedAt: T0, endedAt: T0 + 5000, warnings: 2}, {state: 'done', startedAt: T0, endedAt: T0 + 5000, warnings: 1}])],
			}),
		});
		const lines = plainSummaryLines(recovered, T0, style());
		expect(lines).toContain('    done     Image building           5s      (2 abnormal events recovered)');
		expect(lines).toContain('    done     Environment preparation  5s      (1 abnormal event recovered)');
		expect(lines).toContain('  warning: the service is concerning (some instances are abnormal)');
	});
});
