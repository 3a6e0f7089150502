// Small helpers so each scenario reads as a timeline rather than as bookkeeping.
import {DEFAULT_SPECIFICATION} from '../flavours.js';
import type {HistoryEvent, ScenarioEvent, ScenarioModel, ScenarioService, ScenarioStep, StatusPatch} from './types.js';
import {apiDeploySequence, consoleWording} from './wording.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A model entry; the tag the events use is `"<name> <version>"`. */
export function model(name: string, version: string, weight = 100, instanceCount = 1): ScenarioModel {
	return {name, version, weight, instanceCount, specification: DEFAULT_SPECIFICATION};
}

export function tag(m: ScenarioModel): string {
	return `${m.name} ${m.version}`;
}

/** Ends a timeline: the service status the details API reports from then on. */
export interface Outcome {
	readonly after: number;
	readonly status: StatusPatch;
}

export const RUNNING: StatusPatch = {status: 'running', progress: 100, error_msg: undefined};

export function failed(errorMsg: string): StatusPatch {
	return {status: 'failed', progress: undefined, error_msg: errorMsg};
}

/**
 * A live deployment: status `deploying` from the start, each event step raising `progress`
 * in proportion to elapsed scenario time over `progressSpan` (never 100 before the outcome),
 * then the outcome.
 */
export function deployment(entries: readonly (readonly [number, ScenarioEvent])[], outcome: Outcome, progressSpan = outcome.after): ScenarioStep[] {
	const steps: ScenarioStep[] = [{after: 0, status: {status: 'deploying', progress: 0, error_msg: undefined}}];
	for (const [after, event] of entries) {
		const progress = Math.min(99, Math.floor((after * 100) / progressSpan));
		steps.push({after, event, status: {progress}});
	}
	steps.push({after: outcome.after, status: outcome.status});
	return steps;
}

/** Spreads events over time: each entry is the gap in ms since the previous one. */
export function spaced(start: number, gaps: readonly (readonly [number, ScenarioEvent])[]): [number, ScenarioEvent][] {
	let at = start;
	return gaps.map(([gap, event]) => {
		at += gap;
		return [at, event];
	});
}

/** Places events in the past: the first `ago` ms before the start, then `gap` ms apart. */
export function past(ago: number, gap: number, events: readonly ScenarioEvent[]): HistoryEvent[] {
	return events.map((event, index) => ({...event, ago: ago - index * gap}));
}

/** On an Ascend flavour, so the project has NPU use to report. */
const RESNET = {...model('resnet', '1.0.0'), specification: 'modelarts.vm.npu.a310'};

/** A few other services of the project, in various states, so a service picker has choices. */
export function neighbours(): ScenarioService[] {
	const ocr = model('ocr', '2.3.1');
	return [
		{
			id: '8f0c2d4e-1b3a-4c5d-9e6f-0a1b2c3d4e51',
			name: 'image-classifier',
			description: 'Image classification (resnet)',
			publishedAgo: 9 * DAY,
			initial: {status: 'running', progress: 100},
			models: [RESNET],
			history: [...past(9 * DAY, 20 * SECOND, apiDeploySequence(tag(RESNET))), ...past(9 * DAY - 4 * MINUTE, 0, [consoleWording.started('image-classifier')])],
			steps: [],
		},
		{
			id: '2b7e9a10-5c6d-4e8f-a1b2-c3d4e5f60718',
			name: 'legacy-ocr',
			description: 'Receipt OCR, kept for reference',
			publishedAgo: 40 * DAY,
			initial: {status: 'stopped'},
			models: [ocr],
			history: past(3 * DAY, 1 * SECOND, [consoleWording.stopping(), consoleWording.stopped()]),
			steps: [],
		},
		{
			id: 'c4d5e6f7-8091-4a2b-b3c4-d5e6f7081929',
			name: 'nlp-gateway',
			description: 'Intent detection',
			publishedAgo: 2 * DAY,
			initial: {status: 'failed', error_msg: 'Failed to create the image.'},
			models: [model('intent', '0.9.0')],
			history: past(2 * DAY, 30 * SECOND, [consoleWording.startDeploy(), consoleWording.imageCreating(), consoleWording.imageFailed()]),
			steps: [],
		},
	];
}
