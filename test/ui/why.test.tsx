// What the live view shows of a diagnosis: the Why block under the outcome (the slow hint
// under the phases), its one-line form on a small terminal, the full diagnosis behind `w` or
// Enter, and a model another model's failure interrupted. Frames are read ANSI stripped.
import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../source/app.js';
import {Help} from '../../source/ui/overlays/help.js';
import {guidanceFor} from '../../source/core/diagnosis/cause-advice.js';
import {CATEGORY_TITLES} from '../../source/core/diagnosis/types.js';
import {SLOW_GUIDANCE} from '../../source/core/diagnosis/categories.js';
import type {ApiEvent, ServiceDetails} from '../../source/core/types.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import {DEPLOYING_EVENTS, T0, details, event, fakeWatcher, makeConfig} from './fixtures.js';
import {frameLines, press, type Rendered, renderSized, waitForFrame} from './helpers.js';

const KEYS = {up: '\u001B[A', down: '\u001B[B', enter: '\r', escape: '\u001B'};
const PULL_FAILED = event(200, '[TF 3.0.0] image pull failed: no space left on device (image 38 GiB, node free 30 GiB)', 'abnormal');
const FAILED = details({status: 'failed', error_msg: 'Service deployment failed.'});
const HEADLINE = `Why  ${CATEGORY_TITLES.image_pull} (TF 3.0.0, image pulling)`;

let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
});

async function mount(events: readonly ApiEvent[], serviceDetails: ServiceDetails, options: {readonly now?: number; readonly rows?: number; readonly endpoint?: string} = {}) {
	const now = options.now ?? T0 + 300_000;
	const size = {columns: 120, rows: options.rows ?? 40};
	const {factory, watcher} = fakeWatcher();
	const rendered = renderSized(<App config={makeConfig({color: false, ...(options.endpoint ? {endpoint: options.endpoint} : {})})} watcherFactory={factory} now={() => now} initialColumns={size.columns} initialRows={size.rows} />, size);
	mounted.push(rendered);
	const messages: WatchMessage[] = [
		{type: 'events', events, at: now},
		{type: 'details', details: serviceDetails, at: now},
		{type: 'sync', state: {kind: 'ok', lastSuccessAt: now, nextPollAt: now + 3000}, at: now},
	];
	for (const message of messages) watcher.emit(message);
	await waitForFrame(rendered.lastFrame, frame => frame.includes('updated'));
	return rendered;
}

describe('the Why block of a failed deployment', () => {
	test('sits under the outcome line: category in words, model and phase, the deciding text, what to try', async () => {
		const frame = (await mount([...DEPLOYING_EVENTS, PULL_FAILED], FAILED)).lastFrame();
		const lines = frameLines(frame);
		const outcome = lines.findIndex(line => line.startsWith('✖ Deployment failed'));
		expect(lines[outcome + 1]).toBe(HEADLINE);
		expect(lines[outcome + 2]).toBe(`     ${PULL_FAILED.event_info}`);
		// A pull that ran out of disk: disk advice
		expect(lines[outcome + 3]).toBe(`try  ${guidanceFor('image_pull', PULL_FAILED.event_info).advice[0]}`);
		expect(frame).toContain('w why');
	});

	test('shows the evidence beyond the deciding text: the code of the official table with its meaning', async () => {
		const quota = event(60, 'Failed to deploy the service. Error: ModelArts.3522', 'abnormal');
		const frame = (await mount([DEPLOYING_EVENTS[0]!, quota], details({status: 'failed', error_msg: 'Service deployment failed.'}))).lastFrame();
		const lines = frameLines(frame);
		const why = lines.findIndex(line => line.startsWith(`Why  ${CATEGORY_TITLES.quota}`));
		expect(why).toBeGreaterThan(0);
		expect(lines[why + 1]).toBe(`     ${quota.event_info}`);
		expect(lines[why + 2]).toBe('     code: ModelArts.3522 (HTTP 400): maximum number of service instances reached');
	});

	test('w shows the deciding text as the cause and the further evidence under it', async () => {
		const quota = event(60, 'Failed to deploy the service. Error: ModelArts.3522', 'abnormal');
		const rendered = await mount([DEPLOYING_EVENTS[0]!, quota], details({status: 'failed', error_msg: 'Service deployment failed.'}));
		const open = await press(rendered, 'w', frame => frame.includes('Why it failed'));
		expect(open).toMatch(/^category {4}quota, decided by an error code of the official error-code table$/m);
		expect(open).toMatch(/^cause {7}Failed to deploy the service\. Error: ModelArts\.3522$/m);
		expect(open).toMatch(/^evidence {4}code: ModelArts\.3522 \(HTTP 400\): maximum number of service instances reached$/m);
	});

	test('on a small terminal it is its headline alone, and the failed phase and the error still show', async () => {
		const rendered = await mount([...DEPLOYING_EVENTS, PULL_FAILED], FAILED, {rows: 14});
		const frame = rendered.lastFrame();
		expect(frame).toContain(HEADLINE);
		expect(frame).not.toContain('try  ');
		expect(frame).toMatch(/✖ Image pulling .*image pull failed/);
		expect(frame).toContain('✖ Deployment failed after');
		expect(frameLines(frame).length).toBeLessThanOrEqual(13);
	});

	test('w opens the whole diagnosis with the documentation links of the endpoint\'s cloud; Esc closes it', async () => {
		const rendered = await mount([...DEPLOYING_EVENTS, PULL_FAILED], FAILED, {endpoint: 'https://modelarts.eu-de.otc.t-systems.com'});
		const open = await press(rendered, 'w', frame => frame.includes('Why it failed'));
		expect(open).toMatch(/category {4}image_pull, decided by the words of the text/);
		expect(open).toMatch(/phase {7}Image pulling/);
		expect(open).toMatch(/docs {8}What Do I Do If an Image Fails to Be Pulled/);
		expect(open).toContain('https://docs.otc.t-systems.com/modelarts/umn/faqs/');
		expect(open).not.toContain('Model startup');
		const closed = await press(rendered, KEYS.escape, frame => !frame.includes('Why it failed'));
		expect(closed).toContain(HEADLINE);
	});

	test('↑ from the first event selects the block (marked like a row), Enter opens it', async () => {
		const rendered = await mount([...DEPLOYING_EVENTS, PULL_FAILED], FAILED);
		await press(rendered, KEYS.down, frame => frameLines(frame).some(line => line.startsWith('›') && line.includes('image pull failed')));
		await press(rendered, KEYS.up, frame => frame.includes(`› ${HEADLINE}`));
		const open = await press(rendered, KEYS.enter, frame => frame.includes('Why it failed'));
		expect(open).toContain('w or Esc closes');
	});

	test('the help lists w, and every key still fits a 100-column line', async () => {
		const rendered = await mount([...DEPLOYING_EVENTS, PULL_FAILED], FAILED);
		const help = await press(rendered, '?', frame => frame.includes('Keys'));
		expect(help).toMatch(/ w +why it failed or is slow/);
		const fromPicker = renderSized(<Help maxLines={30} width={100} backTo="the service list" display={{ascii: false, color: false}} />, {columns: 100, rows: 30});
		mounted.push(fromPicker);
		expect(fromPicker.lastFrame()).toContain('back to the service list');
		expect(fromPicker.lastFrame()).not.toContain('…');
	});
});

describe('the slow hint', () => {
	test('a pull running for 12 minutes shows a hint line under the phases, with its usual cause', async () => {
		// DEPLOYING_EVENTS start the pull at T0 + 125 s
		const frame = (await mount(DEPLOYING_EVENTS, details(), {now: T0 + 125_000 + 12 * 60_000})).lastFrame();
		const lines = frameLines(frame);
		const startup = lines.findIndex(line => line.includes('Model startup'));
		expect(lines[startup + 1]).toBe('Slow Image pulling of TF 3.0.0 has run 12m (slow after 10m00s)');
		expect(lines[startup + 2]).toBe('     last event 12m ago: [TF 3.0.0] pulling model image');
		expect(frame).toContain(`try  ${SLOW_GUIDANCE.image_pulling.cause}`);
	});

	test('a pull within its usual time shows none', async () => {
		const frame = (await mount(DEPLOYING_EVENTS, details(), {now: T0 + 125_000 + 5 * 60_000})).lastFrame();
		expect(frame).not.toContain('Slow');
		expect(frame).not.toContain('w why');
	});
});

describe('a model interrupted by another model’s failure', () => {
	test('says it was interrupted, beside the failing model’s cause', async () => {
		const R = 'ranker 2.0.0-rc1';
		const E = 'embedder 1.4.2';
		const events = [
			event(0, 'start to deploy service'),
			event(10, `[${R}] pulling model image`),
			event(11, `[${E}] pulling model image`),
			event(17, `[${R}] pull image failed: unexpected EOF`, 'abnormal'),
			event(19, `[${E}] pull image success`),
			event(20, `[${E}] starting model`),
		];
		const config = [
			{model_name: 'ranker', model_version: '2.0.0-rc1'},
			{model_name: 'embedder', model_version: '1.4.2'},
		];
		const frame = (await mount(events, details({status: 'failed', config, error_msg: `Failed to deploy the service: model ${R} has no ready instance.`}))).lastFrame();
		expect(frame).toContain(`✖ ${R}, image pulling: [${R}] pull image failed: unexpected EOF`);
		expect(frame).toContain(`✖ ${E}, model startup: interrupted when ${R} failed`);
		expect(frame).toContain(`Why  ${CATEGORY_TITLES.image_pull} (${R}, image pulling)`);
	});
});
