import {afterEach, describe, expect, it} from 'vitest';
import {model} from '../../../source/sim/scenarios/builders.js';
import type {ScenarioService} from '../../../source/sim/scenarios/types.js';
import {SCENARIO_DESCRIPTIONS, SCENARIO_NAMES} from '../../../source/sim/scenarios/registry.js';
import {checkScript} from '../../../source/sim/service-state.js';
import type {EventsBody, Harness} from '../helpers.js';
import {startHarness, T0} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

const SECOND = 1000;

async function play(scenario: string, ms: number): Promise<{status: string; error_msg?: string; service_name: string; config: {model_name: string; model_version: string}[]}> {
	harness = await startHarness({scenario});
	harness.advance(ms);
	return (await harness.getJson<never>(`/${harness.sim.serviceId}`)).body;
}

async function allEvents(query: Record<string, string | number> = {}): Promise<EventsBody['events']> {
	const {body} = await harness.getJson<EventsBody>(`/${harness.sim.serviceId}/events`, {order: 'asc', ...query});
	return body.events;
}

describe('scenario registry', () => {
	it('names every required scenario with a description', () => {
		for (const name of ['success', 'failure', 'multi-model', 'console', 'lifecycles', 'recovered', 'timeout', 'concerning', 'big-history', 'stuck', 'two-instances', 'update']) {
			expect(SCENARIO_NAMES).toContain(name);
			expect(SCENARIO_DESCRIPTIONS[name]?.length).toBeGreaterThan(10);
		}
	});
});

describe('demo pacing at the default speed', () => {
	it.each([
		['success', 'running'],
		['failure', 'failed'],
		['multi-model', 'running'],
		['console', 'running'],
		['lifecycles', 'running'],
		['recovered', 'running'],
		['timeout', 'failed'],
		['concerning', 'concerning'],
		['big-history', 'running'],
		['two-instances', 'running'],
		['update', 'running'],
	])('%s is still deploying at 30 s and %s by 60 s', async (scenario, outcome) => {
		harness = await startHarness({scenario});
		harness.advance(30 * SECOND - 1);
		expect((await harness.getJson<{status: string}>(`/${harness.sim.serviceId}`)).body.status).toBe('deploying');
		harness.advance(30 * SECOND + 1);
		expect((await harness.getJson<{status: string}>(`/${harness.sim.serviceId}`)).body.status).toBe(outcome);
	});

	it('concerning runs first, then turns concerning', async () => {
		expect((await play('concerning', 40 * SECOND)).status).toBe('running');
		harness.advance(10 * SECOND);
		expect((await harness.getJson<{status: string}>(`/${harness.sim.serviceId}`)).body.status).toBe('concerning');
	});

	it('stuck stays deploying on the image pull for an hour, then times out at two', async () => {
		const afterHour = await play('stuck', 60 * 60 * SECOND);
		expect(afterHour.status).toBe('deploying');
		expect((await allEvents()).at(-1)?.event_info).toBe('[TF 3.0.0] pulling model image');
		harness.advance(60 * 60 * SECOND);
		expect((await harness.getJson<{status: string}>(`/${harness.sim.serviceId}`)).body.status).toBe('failed');
	});
});

describe('scenario wording', () => {
	it('console uses the web-console sentences', async () => {
		const details = await play('console', 60 * SECOND);
		expect(details.service_name).toBe('my-service');
		expect((await allEvents()).map((e) => [e.event_type, e.event_info])).toEqual([
			['normal', 'The service starts to deploy.'],
			['normal', 'The image starts to create.'],
			['normal', 'The image created.'],
			['abnormal', 'Insufficient resources. Wait until idle resources are sufficient.'],
			['normal', 'Auto stop has been enabled. The service will stop after 3600s.'],
			['normal', 'Service my-service started.'],
		]);
	});

	it('failure retries scheduling with abnormal events before failing', async () => {
		await play('failure', 60 * SECOND);
		const abnormal = (await allEvents({event_type: 'abnormal'})).map((e) => e.event_info);
		expect(abnormal[0]).toBe('Insufficient resources. Wait until idle resources are sufficient.');
		expect(abnormal.filter((info) => info.startsWith('[TF 3.0.0] schedule resource failed: insufficient CPU'))).toHaveLength(3);
	});

	it('multi-model interleaves the events of both models, both in config[]', async () => {
		const details = await play('multi-model', 60 * SECOND);
		expect(details.config.map((c) => `${c.model_name} ${c.model_version}`)).toEqual(['resnet 1.0.0', 'bert 2.1.0']);
		const tags = (await allEvents()).map((e) => /\[(resnet 1\.0\.0|bert 2\.1\.0)\]|\((resnet 1\.0\.0|bert 2\.1\.0)\)/.exec(e.event_info)?.slice(1).find(Boolean)).filter(Boolean);
		const switches = tags.filter((tag, index) => index > 0 && tag !== tags[index - 1]).length;
		expect(switches).toBeGreaterThan(2);
	});

	it('lifecycles: an earlier deploy, auto-stop and stop precede the current update', async () => {
		await play('lifecycles', 60 * SECOND);
		const infos = (await allEvents()).map((e) => e.event_info);
		const update = infos.indexOf('The service is being updated.');
		expect(infos.slice(0, update)).toEqual(expect.arrayContaining(['start to deploy service', 'Auto stop has been enabled. The service will stop after 3600s.', 'The service has been stopped.']));
		expect(infos.slice(update + 1).every((info) => !info.includes('TF 3.0.0'))).toBe(true);
		expect(infos.at(-1)).toBe('[TF 3.0.1] starting model');
	});

	it('recovered: a pull failure asking to retry later, then the pull succeeds', async () => {
		await play('recovered', 60 * SECOND);
		const events = await allEvents();
		const failure = events.findIndex((e) => e.event_type === 'abnormal' && /pull image failed.*retry later/.test(e.event_info));
		expect(failure).toBeGreaterThan(0);
		expect(events.slice(failure).map((e) => e.event_info)).toContain('[TF 3.0.0] pull image success');
	});

	it('timeout: the abnormal event and error_msg say it timed out, with no error code (3520 is a quota)', async () => {
		const details = await play('timeout', 60 * SECOND);
		expect(details.error_msg).toMatch(/^Service deployment timed out\. Error: The model did not become ready/);
		expect(details.error_msg).not.toMatch(/ModelArts\.\d/);
		expect((await allEvents({event_type: 'abnormal'})).map((e) => e.event_info)).toEqual([expect.stringMatching(/^Service deployment timed out\. Error: The model did not become ready/)]);
	});
});

describe('scripts the simulator cannot serve', () => {
	it.each([
		[{specification: 'modelarts.vm.quantum.1q'}, /Unknown specification "modelarts\.vm\.quantum\.1q"/],
		[{specification: 'custom'}, /custom_spec/],
	])('refuses a model with %j, saying why', (override, message) => {
		const script: ScenarioService = {id: 'x', name: 'x', description: '', publishedAgo: 0, initial: {status: 'running'}, models: [{...model('m', '1'), ...override}], history: [], steps: []};
		expect(() => checkScript(script)).toThrow(message);
	});
});

describe('big-history', () => {
	it('holds 5,000 older events with many same-millisecond groups, pageable in a stable order', async () => {
		harness = await startHarness({scenario: 'big-history', offsetMode: 'record'});
		const older = {end_time: T0 - 1};
		const first = await harness.getJson<EventsBody>(`/${harness.sim.serviceId}/events`, older);
		expect(first.body.total_count).toBe(5000);
		const pages = async (order: string) => {
			const out: EventsBody['events'] = [];
			for (let offset = 0; offset < 5000; offset += 1000) out.push(...(await allEvents({...older, order, offset, limit: 1000})));
			return out;
		};
		const ascending = await pages('asc');
		expect(await pages('desc')).toEqual([...ascending].reverse());
		const times = ascending.map((e) => e.occur_time);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(times.length - new Set(times).size).toBeGreaterThan(500);
	});

	it('appends the live deployment after the history', async () => {
		harness = await startHarness({scenario: 'big-history'});
		harness.advance(60 * SECOND);
		const live = await allEvents({start_time: T0});
		expect(live.map((e) => e.event_info)).toHaveLength(9);
		expect(live[0]?.event_info).toBe('start to deploy service');
	});
});
