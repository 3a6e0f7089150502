// The "done when": for each category, a scenario whose wording is not in the shared
// troubleshooting file gives that category in the view, in plain output and in JSON. The plain
// and JSON runs are the built CLI against the simulator (scenario time 20× faster, started at
// the first request); the view is the live view fed the same scenario in this process.
import React from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {CATEGORY_TITLES, type DiagnosisCategory} from '../../source/core/diagnosis/types.js';
import {EXIT} from '../../source/core/ending/exit-codes.js';
import {findScenario} from '../../source/sim/scenarios/registry.js';
import {DIAGNOSIS_SCENARIOS} from '../../source/sim/scenarios/diagnosis.js';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {World} from '../../source/sim/world.js';
import {fakeWatcher, makeConfig} from '../ui/fixtures.js';
import {renderSized, waitForFrame} from '../ui/helpers.js';
import {assertBuilt, records, runCli} from './harness.js';

beforeAll(assertBuilt);

const SPEED = 20;

// scenario, category, model
const SCENARIOS: ReadonlyArray<readonly [string, DiagnosisCategory, string]> = [
	['why-resources', 'resources', 'detector 2.4.1'],
	['why-quota', 'quota', 'intent-router 3.1.0'],
	['why-permission', 'permission', 'summariser 2.2.0'],
	['why-config', 'config', 'pos-tagger 0.4.0'],
	['why-image-build', 'image_build', 'ocr-det 1.3.0'],
	['why-image-pull', 'image_pull', 'asr-large v3.2'],
	['why-storage', 'storage', 'llm-chat 0.9.2'],
	['why-health-check', 'health_check', 'faq-bot 1.2.0'],
	['why-startup', 'startup', 'sentiment 1.1.0'],
	['why-timeout', 'timeout', 'forecast 5.0.1'],
	['why-unknown', 'unknown', 'embedder 4.0.0'],
	['why-slow', 'slow', 'vision-xl 5.0.0'],
	['why-two-models', 'image_pull', 'ranker 2.0.0-rc1'],
];

const simulators: Simulator[] = [];
afterAll(async () => {
	await Promise.all(simulators.splice(0).map(sim => sim.close()));
});

/** The CLI watching a fresh simulator of `scenario`: to the end (--exit-status), or one poll for the slow one (--once). */
async function watch(scenario: string, category: DiagnosisCategory, output: 'plain' | 'json') {
	const sim = await startSimulator({scenario, speed: SPEED, clockStart: 'first-request'});
	simulators.push(sim);
	const until = category === 'slow' ? '--once' : '--exit-status';
	const args = [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--interval', '1', '--utc', '--output', output, until];
	return runCli(args, {env: {MODELARTS_TOKEN: sim.token}});
}

/** The live view of `scenario` as it stands after `ms` of scenario time. */
async function viewFrame(scenario: string, ms: number): Promise<string> {
	const start = Date.UTC(2026, 10, 27, 16, 0, 0);
	const found = findScenario(scenario)!;
	const world = new World(found.services, 'project', start, 1);
	world.advance(start + ms);
	const service = world.service(found.services[0].id)!;
	const {factory, watcher} = fakeWatcher();
	const now = start + ms;
	const rendered = renderSized(<App config={makeConfig({color: false})} watcherFactory={factory} now={() => now} initialColumns={160} initialRows={50} />, {columns: 160, rows: 50});
	try {
		watcher.emit({type: 'events', events: service.events, at: now});
		watcher.emit({type: 'details', details: service.details, at: now});
		watcher.emit({type: 'sync', state: {kind: 'ok', lastSuccessAt: now, nextPollAt: now + 3000}, at: now});
		return await waitForFrame(rendered.lastFrame, frame => frame.includes('updated'));
	} finally {
		rendered.unmount();
	}
}

describe('every diagnosis scenario gives its category in the view, in plain output and in JSON', () => {
	it('covers every scenario the simulator has for it', () => {
		expect(SCENARIOS.map(([name]) => name).sort()).toEqual(DIAGNOSIS_SCENARIOS.map(scenario => scenario.name).sort());
	});

	describe.concurrent.each(SCENARIOS)('%s: %s on %s', (scenario, category, model) => {
		const slow = category === 'slow';

		it('the view', async () => {
			const frame = await viewFrame(scenario, slow ? 1000 : 120_000);
			if (slow) expect(frame).toMatch(new RegExp(`^Slow Image pulling of ${model} has run 12m`, 'm'));
			else expect(frame).toContain(`Why  ${CATEGORY_TITLES[category]} (${model}`);
		});

		it('plain', async () => {
			const {code, stdout} = await watch(scenario, category, 'plain');
			expect(code).toBe(slow ? EXIT.ok : EXIT.failed);
			if (slow) {
				expect(stdout).toMatch(new RegExp(`^\\S+ {2}slow {6}Image pulling of ${model} has run 12m`, 'm'));
				expect(stdout).toMatch(/^ {2}slow: Image pulling of /m);
			} else {
				expect(stdout).toMatch(new RegExp(`^\\S+ {2}cause {5}${CATEGORY_TITLES[category]} \\(${model}`, 'm'));
				expect(stdout).toContain(`  cause: ${CATEGORY_TITLES[category]} (${model}`);
			}
			expect(stdout).toMatch(/^\S+ {2}try {7}\S/m);
			expect(stdout).toMatch(/^ {2}docs: \S/m);
		});

		it('JSON', async () => {
			const {code, stdout} = await watch(scenario, category, 'json');
			expect(code).toBe(slow ? EXIT.ok : EXIT.failed);
			const summary = records(stdout).at(-1)!;
			expect(summary).toMatchObject({kind: 'summary', outcome: slow ? 'in_progress' : 'failed', diagnosis: {category, model}});
			// The evidence starts with the deciding text from the events; the simulator is no OTC endpoint: Huawei Cloud's pages
			const diagnosis = summary.diagnosis as {cause: string | null; evidence: unknown[]; docs: unknown[]};
			expect(diagnosis.evidence[0]).toEqual({source: 'events', text: slow ? expect.stringContaining(model) : diagnosis.cause});
			for (const doc of diagnosis.docs) expect(doc).toEqual({title: expect.any(String), url: expect.stringMatching(/^https:\/\/support\.huaweicloud\.com\//)});
		});
	});
});
