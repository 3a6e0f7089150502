// What the overview says about each service, in words, and where its row goes: in progress
// first, then failed, then finished. Pure; the view sanitises, fits and colours the words.
import {deploymentElapsed, formatDuration, phaseElapsed} from '../deployment/elapsed.js';
import {abnormalSince, storeEvents} from '../events/store.js';
import type {ModelTrack, Outcome} from '../types.js';
import type {ViewState} from '../view/types.js';
import {instanceCountText} from '../words/instances-wording.js';
import {briefOutcome, phaseLabel, retryText, statusWithProgress} from '../words/wording.js';

/** Where a service stands: its glyph, its colour, its group and its word in the header. */
export type Standing = 'connecting' | 'error' | Outcome;

export function standingOf(view: ViewState): Standing {
	if (view.sync.kind === 'stopped') return 'error';
	if (view.sync.kind === 'loading') return 'connecting';
	return view.deployment.outcome;
}

/** The outcome the set counts for a service: a service that could not be watched did not succeed. */
export function countedOutcome(view: ViewState): Outcome {
	return view.sync.kind === 'stopped' ? 'failed' : view.deployment.outcome;
}

const GROUP: Readonly<Record<Standing, number>> = {connecting: 0, in_progress: 0, failed: 1, error: 1, succeeded: 2, stopped: 2};

/** 0: in progress (needs watching), 1: failed (needs a look), 2: finished. */
export function rowGroup(view: ViewState): number {
	return GROUP[standingOf(view)];
}

/** The words of one row. */
export interface RowWords {
	readonly standing: Standing;
	/** `deploying 52%`, `running`, `failed`, `error`; empty until the details say. */
	readonly status: string;
	/** Per model, the phase going on and for how long; or how the deployment ended. */
	readonly progress: string;
	/** `1/2` (running of total) once the monitor says; empty before or without it. */
	readonly instances: string;
	/** Abnormal events of the current deployment. */
	readonly abnormal: number;
	/** The newest event's text, or why polling stopped or waits (server text: sanitise it). */
	readonly latest: string;
	readonly latestTone: 'normal' | 'warning' | 'error';
}

/**
 * An active phase's time in steps of 10 s: every row of ten services ticking each second
 * would cost more bytes than the whole budget (500 B/s); the open service shows seconds.
 */
export function steppedElapsed(ms: number): string {
	return ms < 10_000 ? '<10s' : formatDuration(Math.floor(ms / 10_000) * 10_000);
}

function trackProgress(track: ModelTrack, view: ViewState, named: boolean): string {
	const model = named && track.model !== null ? `${track.model} ` : '';
	const active = track.phases.find(phase => phase.state === 'active');
	if (active) {
		const elapsed = phaseElapsed(active, view.now, view.skewMs);
		return `${model}${phaseLabel(active.phase, true)}${elapsed === null ? '' : ` ${steppedElapsed(elapsed)}`}`;
	}

	// A failed phase while the deployment goes on is being retried.
	const failed = track.phases.find(phase => phase.state === 'failed');
	if (failed) return `${model}${phaseLabel(failed.phase, true)} retrying`;
	const done = track.phases.findLast(phase => phase.state === 'done');
	return done ? `${model}${phaseLabel(done.phase, true)} done` : '';
}

function progressOf(view: ViewState): string {
	const {deployment} = view;
	if (view.sync.kind === 'stopped' || view.sync.kind === 'loading') return '';
	if (deployment.outcome !== 'in_progress') return briefOutcome(deployment);
	const tracks = deployment.tracks.map(track => trackProgress(track, view, deployment.tracks.length > 1)).filter(text => text !== '');
	return tracks.join(', ');
}

function latestOf(view: ViewState): Pick<RowWords, 'latest' | 'latestTone'> {
	const {sync} = view;
	if (sync.kind === 'stopped') return {latest: sync.message, latestTone: 'error'};
	if (sync.kind === 'retrying') return {latest: retryText(sync, view.now), latestTone: 'warning'};
	const events = storeEvents(view.store);
	return {latest: events.at(-1)?.info ?? '', latestTone: events.at(-1)?.type === 'abnormal' ? 'warning' : 'normal'};
}

export function rowWords(view: ViewState): RowWords {
	const standing = standingOf(view);
	const {deployment} = view;
	const status = standing === 'error' ? 'error' : deployment.status === null ? '' : statusWithProgress(deployment.status, deployment.progress);
	const instances = view.instances === null ? null : instanceCountText(view.instances);
	return {standing, status, progress: progressOf(view), instances: instances ?? '', abnormal: abnormalSince(view.store, deployment.startedAt), ...latestOf(view)};
}

/** The name a row shows: the server's, else the list's, else the id. */
export function displayName(view: ViewState, listed: string | null, serviceId: string): string {
	return view.details?.service_name ?? listed ?? serviceId;
}

// Statuses in the order the header counts them: what needs attention first (a failure is the
// one count a narrow header must never lose), then what is moving, then how things ended.
const COUNT_ORDER = ['failed', 'error', 'concerning', 'connecting', 'deploying', 'waiting', 'pending', 'running', 'finished', 'stopping', 'stopped', 'deleting'];

/** The header's counts: services per status word, in COUNT_ORDER (unknown statuses after, by name). */
export function statusCounts(views: readonly ViewState[]): Array<readonly [number, string]> {
	const counts = new Map<string, number>();
	for (const view of views) {
		const standing = standingOf(view);
		const word = standing === 'error' || standing === 'connecting' ? standing : (view.deployment.status?.trim().toLowerCase() ?? 'unknown');
		counts.set(word, (counts.get(word) ?? 0) + 1);
	}

	const rank = (word: string) => (COUNT_ORDER.includes(word) ? COUNT_ORDER.indexOf(word) : COUNT_ORDER.length);
	return [...counts].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([word, count]) => [count, word] as const);
}

/** The longest current deployment of the set, by the server's clock; null when none was seen to start. */
export function longestDeployment(views: readonly ViewState[]): number | null {
	const spans = views.flatMap(view => {
		const elapsed = deploymentElapsed(view.deployment, view.now, view.skewMs);
		return elapsed === null ? [] : [elapsed];
	});
	return spans.length === 0 ? null : Math.max(...spans);
}

/** Whether anything on the overview shows time that moves (the header's total, a row's phase time, a retry countdown). */
export function overviewTicks(views: readonly ViewState[]): boolean {
	return views.some(view => view.deployment.outcome === 'in_progress' && view.sync.kind !== 'stopped');
}
