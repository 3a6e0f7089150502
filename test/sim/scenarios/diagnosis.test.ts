// Every diagnosis scenario, replayed through the simulator's world and then through
// computeDeployment + diagnose, gives the category it was written for.
import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {diagnose} from '../../../source/core/diagnosis/diagnose.js';
import {FAILURE_CATEGORIES} from '../../../source/core/diagnosis/types.js';
import {toWatchEvent} from '../../../source/core/events/normalise.js';
import {DIAGNOSIS_SCENARIOS} from '../../../source/sim/scenarios/diagnosis.js';
import {SCENARIO_NAMES, findScenario} from '../../../source/sim/scenarios/registry.js';
import {World} from '../../../source/sim/world.js';

const T0 = 1_700_000_000_000;
const SECOND = 1000;

/** The watched service after `ms` of scenario time, as the model sees it. */
function replay(name: string, ms: number) {
	const scenario = findScenario(name)!;
	const world = new World(scenario.services, 'project', T0, 1);
	world.advance(T0 + ms);
	const service = world.service(scenario.services[0].id)!;
	const events = service.events.map((event, seq) => toWatchEvent(event, seq, 0));
	const deployment = computeDeployment(events, service.details);
	return {deployment, diagnosis: diagnose({deployment, nowMs: T0 + ms}), events: service.events, details: service.details};
}

// scenario, category, model, phase
const FAILURES = [
	['why-resources', 'resources', 'detector 2.4.1', 'resource_scheduling'],
	['why-quota', 'quota', 'intent-router 3.1.0', 'image_building'],
	['why-permission', 'permission', 'summariser 2.2.0', 'environment_preparation'],
	['why-config', 'config', 'pos-tagger 0.4.0', 'image_building'],
	['why-image-build', 'image_build', 'ocr-det 1.3.0', 'image_building'],
	['why-image-pull', 'image_pull', 'asr-large v3.2', 'image_pulling'],
	['why-storage', 'storage', 'llm-chat 0.9.2', 'environment_preparation'],
	['why-health-check', 'health_check', 'faq-bot 1.2.0', 'model_startup'],
	['why-startup', 'startup', 'sentiment 1.1.0', 'model_startup'],
	['why-timeout', 'timeout', 'forecast 5.0.1', 'model_startup'],
	['why-unknown', 'unknown', 'embedder 4.0.0', 'model_startup'],
	['why-two-models', 'image_pull', 'ranker 2.0.0-rc1', 'image_pulling'],
] as const;

describe('diagnosis scenarios', () => {
	it('there is one for every failure category', () => {
		expect(new Set(FAILURES.map(([, category]) => category))).toEqual(new Set(FAILURE_CATEGORIES));
	});

	it.each(FAILURES)('%s ends failed with a %s diagnosis on %s, %s', (name, category, model, phase) => {
		const {deployment, diagnosis} = replay(name, 120 * SECOND);
		expect(deployment.outcome).toBe('failed');
		expect(diagnosis).toMatchObject({category, model, phase});
	});

	it('why-two-models is the issue\'s "done when": the other model\'s pull is done, the failing one\'s startup is not', () => {
		const {deployment} = replay('why-two-models', 120 * SECOND);
		const phases = (model: string) => deployment.tracks.find((track) => track.model === model)!.phases;
		expect(phases('ranker 2.0.0-rc1')[3]!.state).toBe('failed');
		expect(phases('ranker 2.0.0-rc1')[4]!.state).not.toBe('done');
		expect(phases('embedder 1.4.2')[3]!.state).toBe('done');
	});

	it('why-slow is slow from the start (a 12-minute pull, 2 minutes before the timeout), then runs', () => {
		const {diagnosis} = replay('why-slow', SECOND);
		expect(diagnosis).toMatchObject({category: 'slow', phase: 'image_pulling', model: 'vision-xl 5.0.0'});
		expect(diagnosis!.slow!.elapsedMs).toBeGreaterThanOrEqual(12 * 60 * SECOND);
		expect(diagnosis!.deadline!.remainingMs).toBeLessThanOrEqual(2 * 60 * SECOND);
		const later = replay('why-slow', 120 * SECOND);
		expect(later.deployment.outcome).toBe('succeeded');
		expect(later.diagnosis).toBeNull();
	});

	// The examples of troubleshooting.md: the scenarios must not lean on them.
	const EXAMPLES = [
		'insufficient cpu',
		'schedule failed due to insufficient resources',
		'no resources are available for the selected specification',
		'wait until idle resources are sufficient',
		'the quota exceeds the upper limit',
		'customize model does not support dependencies',
		'should not contain swr_location',
		'failed to obtain the source image',
		'failed to create the image',
		'failed to pull image, retry later',
		'an error occurred while mounting the sfs turbo',
		'a timeout was detected while accessing the mount directory',
		'the health check url of custom image model must be /health',
		'the model warmup task status is not successful',
		'the model image restarts repeatedly',
		'service deployment timed out',
	];

	it.each(DIAGNOSIS_SCENARIOS.map((scenario) => [scenario.name]))('%s is worded unlike the troubleshooting examples, and --demo lists it', (name) => {
		expect(SCENARIO_NAMES).toContain(name);
		const {events, details} = replay(name, 120 * SECOND);
		const texts = [...events.map((event) => event.event_info), details.error_msg ?? ''].map((text) => text.toLowerCase());
		for (const example of EXAMPLES) expect(texts.filter((text) => text.includes(example))).toEqual([]);
	});
});
