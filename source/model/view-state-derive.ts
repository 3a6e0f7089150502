// The parts of the view state that follow from the rest: deployment progress, its instance
// counts and update, outcome notices, the timeline, the diagnosis and its Why block, the
// layout, the page on screen, and a page number that stays in range and follows the selected
// event.
//
// Deployment progress is cached in the state rather than memoised in the view because the
// reducer needs it: the number of model tracks and outcome lines decides the layout, and
// the layout decides the page size that paging keys clamp against. It is recomputed only
// when the store or the details change (at most once per poll), never on a clock tick. The
// diagnosis follows the deployment, and while it runs the clock (see view-state-why.ts).
import type {DeploymentProgress, ServiceDetails} from './types.js';
import {computeDeployment} from './deployment.js';
import {hasResourceUse, serviceInstances, type ServiceInstances} from './instances.js';
import {currentUpdate} from './update-log-reads.js';
import type {UpdateDiff} from './update-log-diff.js';
import {storeEvents, type EventStore} from './store.js';
import {queryPage, type EventPage} from './store-query.js';
import {planLayout, tracksFitAsColumns, type LayoutPlan} from './view-state-layout.js';
import {noticeLineCount, outcomeNotices} from './view-state-notices.js';
import {locateEvent} from './view-state-selection.js';
import {timelineLineCount, timelineOf} from './view-state-timeline.js';
import {lineShown, queryOf, shownStore, type ViewInputs, type ViewSettings, type ViewState} from './view-state-types.js';
import {diagnosisFor, whyBlockOf, whyLineCount, type WhyBlock} from './view-state-why.js';
import type {Diagnosis} from './diagnosis/types.js';
import {failedPhaseNote, failureCulprit} from './wording.js';

/** Progress of the current deployment from every event held (ascending) and the details; `previous` as computeDeployment's. */
export function deploymentOf(store: EventStore, details: ServiceDetails | null, previous: DeploymentProgress | null = null): DeploymentProgress {
	return computeDeployment(storeEvents(store), details, previous);
}

/** Models whose failed phase has something to say: its cause, or that another model's failure interrupted it. */
export function failedTrackCount(deployment: DeploymentProgress): number {
	const culprit = failureCulprit(deployment);
	return deployment.tracks.filter(track => track.phases.some(phase => failedPhaseNote(phase, track, culprit))).length;
}

/** Whether the resource line shows: once the service runs and the monitor reports its use. */
function showsResources(shown: DeploymentProgress, instances: ServiceInstances | null): boolean {
	return shown.outcome === 'succeeded' && instances !== null && hasResourceUse(instances);
}

interface LayoutParts {
	readonly shown: DeploymentProgress;
	readonly noticeLines: readonly number[];
	readonly timelineLines: number;
	readonly instances: ServiceInstances | null;
	readonly update: UpdateDiff | null;
	readonly why: WhyBlock | null;
}

function layoutFor(core: ViewInputs, {shown, noticeLines, timelineLines, instances, update, why}: LayoutParts): LayoutPlan {
	const trackCount = Math.max(1, shown.tracks.length);
	return planLayout({
		rows: core.rows,
		trackCount,
		tracksAsColumns: tracksFitAsColumns(core.columns, trackCount),
		noticeLines,
		failedTracks: failedTrackCount(shown),
		timelineLines,
		resourceLines: showsResources(shown, instances) ? 1 : 0,
		updateLines: update === null ? 0 : 1,
		whyLines: whyLineCount(why),
	});
}

function instancesOf(previous: ViewState | null, core: ViewInputs, shown: DeploymentProgress): ServiceInstances | null {
	if (previous !== null && previous.monitor === core.monitor && previous.shown === shown && previous.details === core.details) return previous.instances;
	return core.monitor === null ? null : serviceInstances(core.monitor, shown.tracks.map(track => track.model), core.details?.config ?? []);
}

function updateOf(previous: ViewState | null, core: ViewInputs, deployment: DeploymentProgress): UpdateDiff | null {
	if (previous !== null && previous.updateReads === core.updateReads && previous.deployment === deployment && previous.details === core.details) return previous.update;
	return currentUpdate(core.updateReads, deployment, core.details);
}

/** The diagnosis and its Why block for new inputs, reused when nothing they depend on changed. */
function diagnosisOf(previous: ViewState | null, core: ViewInputs, shown: DeploymentProgress): {readonly diagnosis: Diagnosis | null; readonly why: WhyBlock | null} {
	const clockOf = (inputs: ViewInputs) => ({nowMs: inputs.now, skewMs: inputs.skewMs, ...inputs.slowLimits});
	const before = previous === null ? null : {shown: previous.shown, clock: clockOf(previous), diagnosis: previous.diagnosis};
	const diagnosis = diagnosisFor(before, {shown, clock: clockOf(core)});
	const why = previous !== null && previous.diagnosis === diagnosis && previous.shown === shown ? previous.why : whyBlockOf(diagnosis, shown);
	return {diagnosis, why};
}

/** Without an update or a diagnosis there is nothing to open; without its line on screen, nothing to select. */
function fitLineSettings(settings: ViewSettings, parts: {readonly update: UpdateDiff | null; readonly why: WhyBlock | null}, layout: LayoutPlan): ViewSettings {
	const updateOpen = settings.updateOpen && parts.update !== null;
	const whyOpen = settings.whyOpen && parts.why !== null;
	const selected = settings.lineSelected;
	const lineSelected = selected !== null && lineShown(layout, selected) ? selected : null;
	const same = updateOpen === settings.updateOpen && whyOpen === settings.whyOpen && lineSelected === settings.lineSelected;
	return same ? settings : {...settings, updateOpen, whyOpen, lineSelected};
}

/** Keeps the selection on its event: its page, or no selection once the event no longer matches. */
function followSelection(store: EventStore, settings: ViewSettings, pageSize: number): ViewSettings {
	if (settings.selected === null) return settings;
	const page = locateEvent(store, queryOf(settings, pageSize), settings.selected);
	if (page === null) return {...settings, selected: null, detailOpen: false};
	return page === settings.page ? settings : {...settings, page};
}

function samePageInputs(previous: ViewState, store: EventStore, settings: ViewSettings, pageSize: number): boolean {
	const before = previous.settings;
	return (
		shownStore(previous) === store &&
		previous.pageSize === pageSize &&
		before.page === settings.page &&
		before.typeFilter === settings.typeFilter &&
		before.order === settings.order &&
		before.search === settings.search
	);
}

/** The view state for new inputs: the derived parts recomputed, reusing whatever did not change. */
export function deriveView(previous: ViewState | null, core: ViewInputs): ViewState {
	const deployment =
		previous !== null && previous.store === core.store && previous.details === core.details
			? previous.deployment
			: deploymentOf(core.store, core.details, previous?.deployment ?? null);
	const shown = core.frozen?.deployment ?? deployment;
	const sameShown = previous !== null && previous.shown === shown;
	const instances = instancesOf(previous, core, shown);
	const update = updateOf(previous, core, deployment);
	const sameNotices =
		sameShown && previous.detailsUnavailable === core.detailsUnavailable && previous.monitorUnavailable === core.monitorUnavailable && previous.instances === instances;
	const {detailsUnavailable, monitorUnavailable} = core;
	const notices = sameNotices ? previous.notices : outcomeNotices(shown, {detailsUnavailable, monitorUnavailable, instances});
	const timeline = sameShown ? previous.timeline : timelineOf(shown);
	const noticeLines = notices.map(notice => noticeLineCount(notice, core.columns));
	const {diagnosis, why} = diagnosisOf(previous, core, shown);
	const layout = layoutFor(core, {shown, noticeLines, timelineLines: timelineLineCount(timeline), instances, update, why});
	const pageSize = Math.max(1, layout.eventRows);
	const store = shownStore(core);
	let settings = followSelection(store, fitLineSettings(core.settings, {update, why}, layout), pageSize);
	const page: EventPage =
		previous !== null && samePageInputs(previous, store, settings, pageSize)
			? previous.page
			: queryPage(store, {...queryOf(settings, pageSize), page: settings.page});
	if (page.page !== settings.page) settings = {...settings, page: page.page};
	return {...core, settings, deployment, shown, instances, update, notices, timeline, diagnosis, why, layout, pageSize, pageCount: page.pageCount, page};
}
