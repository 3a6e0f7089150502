import {afterEach, describe, expect, it} from 'vitest';
import {connectionText, simulateOptions} from '../../source/cli/simulate.js';
import type {Simulator} from '../../source/sim/server.js';
import {startSimulator} from '../../source/sim/server.js';

describe('simulateOptions', () => {
	it('defaults to an ephemeral port, the success scenario, page offsets, real time and no denials', () => {
		expect(simulateOptions({})).toEqual({port: 0, scenarios: ['success'], offsetMode: 'page', speed: 1, deny: {}});
		expect(simulateOptions({scenario: []})).toMatchObject({scenarios: ['success']});
	});

	it('reads every option', () => {
		expect(simulateOptions({port: '8080', scenario: ['failure'], offsetMode: 'record', speed: '2.5', deny: 'monitor=403,logs=404'})).toEqual({
			port: 8080,
			scenarios: ['failure'],
			offsetMode: 'record',
			speed: 2.5,
			deny: {monitor: 403, logs: 404},
		});
	});

	it('takes several scenarios, repeated or separated by commas, in the order given', () => {
		expect(simulateOptions({scenario: ['success,failure', 'stuck']})).toMatchObject({scenarios: ['success', 'failure', 'stuck']});
	});

	it.each([
		[{port: '70000'}, '--port'],
		[{port: 'http'}, '--port'],
		[{scenario: ['nope']}, '--scenario'],
		[{scenario: ['success,nope']}, '"nope"'],
		[{offsetMode: 'bytes'}, '--offset-mode'],
		[{speed: '0'}, '--speed'],
		[{speed: 'fast'}, '--speed'],
		[{deny: 'monitor=500'}, '--deny'],
	])('rejects %j naming %s', (flags, flag) => {
		expect(simulateOptions(flags)).toEqual(expect.stringContaining(flag));
	});
});

describe('connectionText', () => {
	let sim: Simulator | undefined;
	afterEach(async () => sim?.close());

	it('names the one service and how to watch it', async () => {
		// Given a simulator of one scenario
		const options = simulateOptions({scenario: ['failure']});
		if (typeof options === 'string') throw new Error(options);
		sim = await startSimulator(options);
		// When it says how to connect
		const text = connectionText(sim, options);
		// Then the service id, token and one watch command are there
		expect(text).toContain(`service id  ${sim.serviceId}`);
		expect(text).toContain(`MODELARTS_TOKEN=${sim.token} modelarts-watch ${sim.serviceId} --endpoint ${sim.url} --project-id ${sim.projectId}`);
		expect(text).not.toContain('--all');
	});

	it('lists every scenario service, the denials, and how to watch them all', async () => {
		// Given a simulator of three scenarios with two APIs denied
		const options = simulateOptions({scenario: ['success,failure,stuck'], deny: 'monitor=403,logs=404'});
		if (typeof options === 'string') throw new Error(options);
		sim = await startSimulator(options);
		const text = connectionText(sim, options);
		// Then each service appears with its scenario, and the watch commands name all three
		for (const service of sim.services) expect(text).toMatch(new RegExp(`${service.id}  ${service.name} +\\(${service.scenario}\\)`));
		expect(text).toContain(`modelarts-watch ${sim.services.map((service) => service.id).join(' ')} --endpoint`);
		expect(text).toContain(`modelarts-watch --all --endpoint ${sim.url}`);
		expect(text).toContain('denied      monitor 403, logs 404');
	});
});
