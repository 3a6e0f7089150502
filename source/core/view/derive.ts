// The parts of the view state that follow from the rest: outcome notices, the timeline, the diagnosis and its Why block, the
// layout, the page on screen, and a page number that stays in range and follows the selected
// event.
//
// Deployment progress is folded from the watcher's messages (core/watch/data.ts) and kept in the
// state because the reducer needs it: the number of model tracks and outcome lines decides
// the layout, and the layout decides the page size that paging keys clamp against. The
// diagnosis follows the deployment, and while it runs the clock (see core/view/why.ts).
import type {DeploymentProgress} from '../types.js';
import {hasResourceUse, type ServiceInstances} from '../deployment/instances.js';
import type {UpdateDiff} from '../deployment/update-log-diff.js';
import type {EventStore} from '../events/store.js';
import {queryPage, type EventPage} from '../events/store-query.js';
import {planLayout, tracksFitAsColumns, type LayoutPlan} from './layout.js';
import {noticeLineCount, outcomeNotices} from './notices.js';
import {locateEvent} from './selection.js';
import {timelineLineCount, timelineOf} from './timeline.js';
import {lineShown, queryOf, shownStore, type ViewInputs, type ViewSettings, type ViewState} from './types.js';
import {diagnosisFor, whyBlockOf, whyLineCount, type WhyBlock} from './why.js';
import type {Diagnosis} from '../diagnosis/types.js';
import {failedPhaseNote, failureCulprit} from '../words/wording.js';

/** Models whose failed phase has something to say: its cause, or that another model's failure interrupted it. */
export function failedTrackCount(deployment: DeploymentProgress): number {
	const culprit = failureCulprit(deployment);
	return deployment.tracks.filter(track => track.phases.some(phase => failedPhaseNote(phase, track, culprit))).length;
}

/** Whether the resource line shows: once the service runs and the monitor reports its use. */
function showsResources(deployment: DeploymentProgress, instances: ServiceInstances | null): boolean {
	return deployment.outcome === 'succeeded' && instances !== null && hasResourceUse(instances);
}

interface LayoutParts {
	readonly deployment: DeploymentProgress;
	readonly noticeLines: readonly number[];
	readonly timelineLines: number;
	readonly instances: ServiceInstances | null;
	readonly update: UpdateDiff | null;
	readonly why: WhyBlock | null;
}

function layoutFor(core: ViewInputs, {deployment, noticeLines, timelineLines, instances, update, why}: LayoutParts): LayoutPlan {
	const trackCount = Math.max(1, deployment.tracks.length);
	return planLayout({
		rows: core.rows,
		trackCount,
		tracksAsColumns: tracksFitAsColumns(core.columns, trackCount),
		noticeLines,
		failedTracks: failedTrackCount(deployment),
		timelineLines,
		resourceLines: showsResources(deployment, instances) ? 1 : 0,
		updateLines: update === null ? 0 : 1,
		whyLines: whyLineCount(why),
	});
}

/** The diagnosis and its Why block for new inputs, reused when nothing they depend on changed. */
function diagnosisOf(previous: ViewState | null, core: ViewInputs, deployment: DeploymentProgress): {readonly diagnosis: Diagnosis | null; readonly why: WhyBlock | null} {
	const clockOf = (inputs: ViewInputs) => ({nowMs: inputs.now, skewMs: inputs.skewMs, ...inputs.slowLimits});
	const before = previous === null ? null : {shown: previous.deployment, clock: clockOf(previous), facts: previous.evidence, pods: previous.pods, diagnosis: previous.diagnosis};
	const diagnosis = diagnosisFor(before, {shown: deployment, clock: clockOf(core), facts: core.evidence, pods: core.pods}, core.diagnose);
	const why = previous !== null && previous.diagnosis === diagnosis && previous.deployment === deployment ? previous.why : whyBlockOf(diagnosis, deployment);
	return {diagnosis, why};
}

/** Without an update or a diagnosis there is nothing to open; without its line on screen, nothing to select. */
function fitLineSettings(settings: ViewSettings, parts: {readonly update: UpdateDiff | null; readonly why: WhyBlock | null}, layout: LayoutPlan): ViewSettings {
	const gone = (settings.overlay === 'update' && parts.update === null) || (settings.overlay === 'why' && parts.why === null);
	const overlay = gone ? 'none' : settings.overlay;
	const selected = settings.lineSelected;
	const lineSelected = selected !== null && lineShown(layout, selected) ? selected : null;
	const same = overlay === settings.overlay && lineSelected === settings.lineSelected;
	return same ? settings : {...settings, overlay, lineSelected};
}

/** Keeps the selection on its event: its page, or no selection once the event no longer matches. */
function followSelection(store: EventStore, settings: ViewSettings, pageSize: number): ViewSettings {
	if (settings.selected === null) return settings;
	const page = locateEvent(store, queryOf(settings, pageSize), settings.selected);
	if (page === null) return {...settings, selected: null, overlay: settings.overlay === 'detail' ? 'none' : settings.overlay};
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
	const {deployment, instances, update} = core;
	// Pause freezes the table only: the phases, outcome and header stay live and agree.
	const sameShown = previous !== null && previous.deployment === deployment;
	const sameNotices =
		sameShown && previous.detailsUnavailable === core.detailsUnavailable && previous.monitorUnavailable === core.monitorUnavailable && previous.instances === instances;
	const {detailsUnavailable, monitorUnavailable} = core;
	const notices = sameNotices ? previous.notices : outcomeNotices(deployment, {detailsUnavailable, monitorUnavailable, instances});
	const timeline = sameShown ? previous.timeline : timelineOf(deployment);
	const noticeLines = notices.map(notice => noticeLineCount(notice, core.columns));
	const {diagnosis, why} = diagnosisOf(previous, core, deployment);
	const layout = layoutFor(core, {deployment, noticeLines, timelineLines: timelineLineCount(timeline), instances, update, why});
	const pageSize = Math.max(1, layout.eventRows);
	const store = shownStore(core);
	let settings = followSelection(store, fitLineSettings(core.settings, {update, why}, layout), pageSize);
	const page: EventPage =
		previous !== null && samePageInputs(previous, store, settings, pageSize)
			? previous.page
			: queryPage(store, {...queryOf(settings, pageSize), page: settings.page});
	if (page.page !== settings.page) settings = {...settings, page: page.page};
	return {...core, settings, notices, timeline, diagnosis, why, layout, pageSize, pageCount: page.pageCount, page};
}
