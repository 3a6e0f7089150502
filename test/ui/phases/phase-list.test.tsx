import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import stringWidth from 'string-width';
import type {ServiceInstances} from '../../../source/core/deployment/instances.js';
import {addEvents, emptyStore, storeEvents, type EventStore} from '../../../source/core/events/store.js';
import type {ApiEvent, ServiceDetails} from '../../../source/core/types.js';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {planLayout, tracksFitAsColumns} from '../../../source/core/view/layout.js';
import {PhaseList} from '../../../source/ui/phases/phase-list.js';
import {DEPLOYING_EVENTS, T0, details, event} from '../fixtures.js';
import {frameLines, renderSized, type Rendered} from '../helpers.js';

const deploymentOf = (store: EventStore, serviceDetails: ServiceDetails | null) => computeDeployment(storeEvents(store), serviceDetails);

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
});

interface DrawOptions {
	readonly width?: number;
	readonly mode?: 'full' | 'compact';
	readonly ascii?: boolean;
	readonly serviceDetails?: ServiceDetails | null;
	readonly instances?: ServiceInstances | null;
}

function draw(events: readonly ApiEvent[], {width = 80, mode = 'full', ascii = false, serviceDetails = null, instances = null}: DrawOptions = {}): string[] {
	const deployment = deploymentOf(addEvents(emptyStore(), events).store, serviceDetails);
	const trackCount = deployment.tracks.length;
	const {phaseShape} = planLayout({rows: 40, trackCount, tracksAsColumns: tracksFitAsColumns(width, trackCount), noticeLines: []});
	mounted = renderSized(
		<PhaseList tracks={deployment.tracks} instances={instances} mode={mode} shape={phaseShape} width={width} now={T0 + 130_000} skewMs={0} spinnerFrame={null} display={{ascii, color: true}} />,
		{columns: width, rows: 40},
	);
	const lines = frameLines(mounted.lastFrame());
	for (const line of lines) {
		expect(stringWidth(line)).toBeLessThanOrEqual(width);
	}

	return lines;
}

const TWO_MODELS = [
	...DEPLOYING_EVENTS.filter(apiEvent => apiEvent.event_type === 'normal'),
	event(6, 'building image for model [PT 1.2.0]'),
	event(50, 'model (PT 1.2.0) build image success'),
];

describe('PhaseList', () => {
	test('one model: the five phases, done with their time, the active one ticking, warnings counted', () => {
		const lines = draw(DEPLOYING_EVENTS);
		expect(lines).toHaveLength(5);
		expect(lines[0]).toMatch(/✔ Image building\s+1m05s$/);
		expect(lines[2]).toMatch(/✔ Resource scheduling\s+40s\s+⚠ 1$/);
		expect(lines[3]).toMatch(/Image pulling\s+10s$/);
		expect(lines[4]).toMatch(/· Model startup$/);
	});

	test('the failing phase shows ✖ and its cause', () => {
		// Given an abnormal build event, then the service failing at the same moment
		const lines = draw([event(0, 'start to deploy service'), event(5, 'building image for model [TF 3.0.0]'), event(30, 'Failed to create the image.', 'abnormal')], {
			serviceDetails: details({status: 'failed', progress: null, transition_at: T0 + 30_000}),
		});
		const failed = lines.find(line => line.includes('Image building'));
		expect(failed).toMatch(/✖ Image building\s+30s\s+Failed to create the image\.$/);
	});

	test('while the service still deploys, an abnormal event only warns: the phase keeps running', () => {
		const lines = draw([event(0, 'start to deploy service'), event(5, 'building image for model [TF 3.0.0]'), event(30, 'Failed to create the image.', 'abnormal')]);
		const building = lines.find(line => line.includes('Image building'));
		expect(building).not.toContain('✖');
		expect(building).toMatch(/⚠ 1$/);
	});

	test('several models at 80 columns: a column per model with its config status', () => {
		const lines = draw(TWO_MODELS, {serviceDetails: details({config: [{model_name: 'TF', model_version: '3.0.0', status: 'notReady'}, {model_name: 'PT', model_version: '1.2.0', status: 'notReady'}]})});
		expect(lines[0]).toMatch(/TF 3\.0\.0 \(notReady\)\s+PT 1\.2\.0 \(notReady\)/);
		expect(lines[1]).toMatch(/Image building\s+✔ 1m05s\s+✔ 50s/);
		expect(lines[3]).toMatch(/Resource scheduling\s+✔ \S+\s+·$/);
		expect(lines).toHaveLength(6);
	});

	test('several models in compact mode: a line per model, naming the current phase', () => {
		const lines = draw(TWO_MODELS, {mode: 'compact', width: 40});
		expect(lines).toHaveLength(2);
		expect(lines[0]).toContain('TF 3.0.0');
		expect(lines[0]).toContain('Image pulling');
		expect(lines[1]).toContain('PT 1.2.0');
	});

	test('too many models for columns: a titled sub-list per model', () => {
		const models = ['Alpha 1.0.0', 'Beta 1.0.0', 'Gamma 1.0.0'].map((model, index) => event(10 + index, `building image for model [${model}]`));
		const lines = draw([event(0, 'start to deploy service'), ...models], {width: 40});
		expect(lines.filter(line => /^(Alpha|Beta|Gamma) 1\.0\.0$/.test(line))).toHaveLength(3);
		expect(lines).toHaveLength(18);
	});

	test('--ascii uses no Unicode glyphs', () => {
		const lines = draw(DEPLOYING_EVENTS, {ascii: true});
		expect(lines.join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
		expect(lines[0]).toMatch(/\+ Image building/);
	});

	test('side-by-side model titles too long for their column are cut, never run into the next one', () => {
		// Given two models whose names fill their columns at 60 columns
		const long = [event(1, 'building image for model [resnet-classifier-large 1.0.0]'), event(2, 'building image for model [bert-multilingual-cased 2.1.0]')];
		const [title] = draw(long, {width: 60});
		// Then each title ends in an ellipsis and a blank column separates them
		expect(title).toMatch(/resnet\S*… bert/);
	});
});
