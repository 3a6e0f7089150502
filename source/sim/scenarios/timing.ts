// Deployments whose events leave gaps between phases, for the rule that phase times tile the
// deployment (issue 22): build 30 s, environment 10 s, scheduling 40 s (no start event in the
// API wording), pull 15 s, startup 25 s, running 2 min after the start. `gaps` happened before
// the watch starts; `gaps-live` happens while it watches (speed 1 keeps the seconds true).
import type {HistoryEvent, Scenario, ScenarioEvent} from './types.js';
import {deployment, MINUTE, RUNNING, SECOND, tag} from './builders.js';
import {deployingMain, MAIN_SERVICE_NAME, project, TF} from './basic.js';
import {api} from './wording.js';

const m = tag(TF);

/** Seconds after the deploy's start, each event of the deployment. */
const TIMELINE: ReadonlyArray<readonly [number, ScenarioEvent]> = [
	[0, api.startDeploy()],
	[5, api.buildingImage(m)],
	[30, api.buildImageSuccess(m)],
	[33, api.preparingEnvironment()],
	[40, api.prepareEnvironmentSuccess(m)],
	[80, api.scheduleResourceSuccess(m)],
	[83, api.pullingImage(m)],
	[95, api.pullImageSuccess(m)],
	[98, api.startingModel(m)],
];
const RUNNING_AFTER = 120 * SECOND;
/** When the past deployment began, before the clock start. */
const PAST_START = 10 * MINUTE;

const gaps: Scenario = {
	name: 'gaps',
	description: 'A deploy with gaps between its phases (scheduling 40 s without a start event), over before the watch starts.',
	services: project({
		name: MAIN_SERVICE_NAME,
		description: 'TF image classifier',
		publishedAgo: PAST_START,
		transitionedAgo: PAST_START - RUNNING_AFTER,
		initial: {status: 'running', progress: 100},
		models: [TF],
		history: TIMELINE.map(([second, event]): HistoryEvent => ({...event, ago: PAST_START - second * SECOND})),
		steps: [],
	}),
};

const gapsLive: Scenario = {
	name: 'gaps-live',
	description: 'The same deploy with gaps, watched live (2 minutes at speed 1).',
	services: deployingMain(deployment(
		TIMELINE.map(([second, event]) => [second * SECOND, event] as const),
		{after: RUNNING_AFTER, status: RUNNING},
	)),
};

export const TIMING_SCENARIOS: readonly Scenario[] = [gaps, gapsLive];
