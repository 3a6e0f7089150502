// The plain log's diagnosis: cause and try lines once, right after the failing phase; a slow
// line once per phase and lifecycle; the summary repeating them with the pages to read; a
// model that another model's failure interrupted, said in words.
import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../source/core/deployment/progress.js';
import {guidanceFor} from '../../source/core/diagnosis/cause-advice.js';
import {CATEGORY_TITLES} from '../../source/core/diagnosis/types.js';
import {SLOW_GUIDANCE} from '../../source/core/diagnosis/categories.js';
import {diagnoseFailure} from '../../source/core/diagnosis/failure.js';
import {DEFAULT_DEPLOY_TIMEOUT_MS, DEFAULT_SLOW_THRESHOLDS} from '../../source/core/diagnosis/thresholds.js';
import {UNICODE_PUNCTUATION} from '../../source/core/words/punctuation.js';
import {sanitizeForTerminal} from '../../source/core/events/sanitize.js';
import type {DeploymentProgress, ServiceDetails} from '../../source/core/types.js';
import {plainSummaryLines, plainUpdateLines, type PlainStyle} from '../../source/output/plain.js';
import {createSlowNotices} from '../../source/output/plain-diagnosis.js';
import {createTimeFormatter} from '../../source/output/time-format.js';
import {details as modelDetails, T0, watchEvents, type Entry} from '../core/fixtures.js';
import {snapshot} from './fixtures.js';

const style: PlainStyle = {color: false, formatTime: createTimeFormatter({kind: 'utc'}), sanitize: sanitizeForTerminal, punctuation: UNICODE_PUNCTUATION};
const MINUTE = 60_000;
const LIMITS = {thresholds: DEFAULT_SLOW_THRESHOLDS, timeoutMs: DEFAULT_DEPLOY_TIMEOUT_MS};

const M = 'asr-large v3.2';
const PULLING: Entry[] = ['start to deploy service', `building image for model [${M}]`, `model (${M}) build image success`, `[${M}] pulling model image`];
const PULL_FAILED = `[${M}] image pull failed: no space left on device (image 38.2 GiB, node free 30.1 GiB)`;
/** A pull that ran out of disk gets disk advice (not the general pull advice). */
const PULL_ADVICE = guidanceFor('image_pull', PULL_FAILED).advice;

function progress(entries: readonly Entry[], serviceDetails: ServiceDetails | null): DeploymentProgress {
	return computeDeployment(watchEvents(...entries), serviceDetails);
}

/** The log lines written when a deployment goes from `before` to `after`. */
function linesBetween(before: DeploymentProgress, after: DeploymentProgress, nowMs = T0 + MINUTE): string[] {
	return plainUpdateLines(snapshot({deployment: before}), snapshot({deployment: after}), [], nowMs, style);
}

const text = (lines: readonly string[]) => lines.map(line => line.slice(11));

describe('a failure in the plain log', () => {
	const deploying = progress([...PULLING, ['abnormal', PULL_FAILED]], modelDetails('deploying'));
	const failed = progress([...PULLING, ['abnormal', PULL_FAILED]], modelDetails('failed', {error_msg: 'Service deployment failed.'}));

	it('writes cause and try lines right after the failing phase line, before the status', () => {
		const lines = text(linesBetween(deploying, failed));
		const failing = lines.findIndex(line => line.startsWith(`phase     [${M}] Image pulling FAILED`));
		expect(failing).toBeGreaterThanOrEqual(0);
		expect(lines.slice(failing + 1)).toEqual([
			`cause     ${CATEGORY_TITLES.image_pull} (${M}, image pulling): ${PULL_FAILED}`,
			...PULL_ADVICE.map(advice => `try       ${advice}`),
		]);
	});

	it('says it once: a later poll of the same failed deployment adds no cause again', () => {
		expect(linesBetween(failed, failed)).toEqual([]);
		const polledAgain = progress([...PULLING, ['abnormal', PULL_FAILED], ['abnormal', `[${M}] still no space`]], modelDetails('failed', {error_msg: 'Service deployment failed.'}));
		expect(text(linesBetween(failed, polledAgain)).filter(line => /^(cause|try) /.test(line))).toEqual([]);
	});

	it('a deciding text that is the error_msg is not repeated on the cause line (the status line gives it)', () => {
		const byError = progress(PULLING, modelDetails('failed', {error_msg: `[${M}] image pull failed: disk full`}));
		const causeLine = text(linesBetween(progress(PULLING, modelDetails('deploying')), byError)).find(line => line.startsWith('cause'));
		expect(causeLine).toBe(`cause     ${CATEGORY_TITLES.image_pull} (${M}, image pulling)`);
	});

	it('the summary repeats the cause, the advice and the documentation links', () => {
		const summary = plainSummaryLines(snapshot({deployment: failed}), T0 + MINUTE, style, {nowMs: T0 + MINUTE, ...LIMITS});
		expect(summary).toEqual(
			expect.arrayContaining([
				'  error: Service deployment failed.',
				`  cause: ${CATEGORY_TITLES.image_pull} (${M}, image pulling): ${PULL_FAILED}`,
				...PULL_ADVICE.map(advice => `  try: ${advice}`),
				...diagnoseFailure(failed)!.docs.map(({title, url}) => `  docs: ${title} <${url}>`),
			]),
		);
		const error = summary.indexOf('  error: Service deployment failed.');
		expect(summary[error + 1]).toMatch(/^ {2}cause: /);
	});

	it('server text in the diagnosis never reaches the log raw', () => {
		const evil = `[${M}] image pull failed: \u001B]0;owned\u0007 no space left\non device`;
		const hostile = progress([...PULLING, ['abnormal', evil]], modelDetails('failed', {error_msg: 'failed \u001B[2J'}));
		const lines = [...linesBetween(deploying, hostile), ...plainSummaryLines(snapshot({deployment: hostile}), T0, style)];
		for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
	});
});

describe('a model interrupted by another model’s failure', () => {
	const R = 'ranker 2.0.0-rc1';
	const E = 'embedder 1.4.2';
	const config = {config: [{model_name: 'ranker', model_version: '2.0.0-rc1'}, {model_name: 'embedder', model_version: '1.4.2'}]};
	const history: Entry[] = ['start to deploy service', `[${R}] pulling model image`, `[${E}] pulling model image`, ['abnormal', `[${R}] pull image failed: unexpected EOF`], `[${E}] pull image success`, `[${E}] starting model`];
	const deploying = progress(history, modelDetails('deploying', config));
	const failed = progress(history, modelDetails('failed', {...config, transition_at: T0 + 8000, error_msg: `Failed to deploy the service: model ${R} has no ready instance.`}));

	it('says it stopped because the other model failed, not a bare FAILED', () => {
		const lines = text(linesBetween(deploying, failed));
		expect(lines).toContain(`phase     [${E}] Model startup stopped after 4s: interrupted when ${R} failed`);
		expect(lines.filter(line => line.includes('FAILED'))).toEqual([expect.stringMatching(new RegExp(`^phase {5}\\[${R.replaceAll('.', '\\.')}\\] Image pulling FAILED`))]);
	});

	it('the summary row of its phase says so too', () => {
		const rows = plainSummaryLines(snapshot({deployment: failed}), T0, style);
		expect(rows.find(row => row.includes('Model startup') && row.includes('failed'))).toMatch(new RegExp(`interrupted when ${R} failed$`));
	});
});

describe('a slow phase in the plain log', () => {
	// Image pulling starts at T0 + 3 s (the fourth event).
	const PULL_AT = T0 + 3000;
	const pulling = progress(PULLING, modelDetails('deploying'));
	const clock = (nowMs: number) => ({nowMs, ...LIMITS});

	it('says nothing until the phase is slow, then one line and its usual cause, once', () => {
		const notices = createSlowNotices();
		expect(notices(pulling, clock(PULL_AT + 9 * MINUTE), style)).toEqual([]);
		const said = notices(pulling, clock(PULL_AT + 10 * MINUTE + 5000), style);
		expect(text(said)).toEqual([`slow      Image pulling of ${M} has run 10m (slow after 10m00s)`, `try       ${SLOW_GUIDANCE.image_pulling.cause}`]);
		expect(notices(pulling, clock(PULL_AT + 11 * MINUTE), style)).toEqual([]);
	});

	it('says again, once, when the deployment nears its timeout', () => {
		const notices = createSlowNotices();
		notices(pulling, clock(PULL_AT + 11 * MINUTE), style);
		const near = text(notices(pulling, clock(T0 + 17 * MINUTE + 30_000), style));
		expect(near).toEqual([expect.stringMatching(/^slow {6}Image pulling of .* has run 17m \(slow after 10m00s\); the deployment times out within 3m$/)]);
		expect(notices(pulling, clock(T0 + 18 * MINUTE), style)).toEqual([]);
	});

	it('a new lifecycle that turns slow is said again', () => {
		const notices = createSlowNotices();
		notices(pulling, clock(PULL_AT + 11 * MINUTE), style);
		const redeploy = progress([...PULLING, ...PULLING], modelDetails('deploying'));
		expect(redeploy.startedAt).not.toBe(pulling.startedAt);
		expect(text(notices(redeploy, clock(T0 + 25 * MINUTE), style))[0]).toMatch(/^slow /);
	});

	it('an in-progress summary with a clock carries the slow diagnosis; without one, none', () => {
		const summary = plainSummaryLines(snapshot({deployment: pulling}), PULL_AT + 12 * MINUTE, style, clock(PULL_AT + 12 * MINUTE));
		expect(summary).toContain(`  slow: Image pulling of ${M} has run 12m (slow after 10m00s)`);
		expect(summary).toContain(`  try: ${SLOW_GUIDANCE.image_pulling.cause}`);
		expect(summary.filter(row => row.startsWith('  docs: '))).toHaveLength(SLOW_GUIDANCE.image_pulling.docs.length);
		expect(plainSummaryLines(snapshot({deployment: pulling}), PULL_AT + 12 * MINUTE, style).some(row => row.startsWith('  slow'))).toBe(false);
	});
});
