// The parts of the view state that follow from the rest: deployment progress, outcome
// notices, the layout and a page number that stays in range.
//
// Deployment progress is cached in the state rather than memoised in the view because the
// reducer needs it: the number of model tracks and outcome lines decides the layout, and
// the layout decides the page size that paging keys clamp against. It is recomputed only
// when the store or the details change (at most once per poll), never on a clock tick.
import type {DeploymentProgress, ServiceDetails} from './types.js';
import {computeDeployment} from './deployment.js';
import {countByType, storeEvents, type EventStore} from './store.js';
import {planLayout, tracksFitAsColumns, type LayoutPlan} from './view-state-layout.js';
import {outcomeNotices, type OutcomeNotice} from './view-state-notices.js';
import type {TypeFilter} from '../config/types.js';

/** What the derived parts depend on. */
export interface DeriveInput {
	readonly store: EventStore;
	readonly details: ServiceDetails | null;
	readonly detailsUnavailable: string | null;
	readonly columns: number;
	readonly rows: number;
	readonly typeFilter: TypeFilter;
	readonly page: number;
}

/** The derived parts themselves. */
export interface Derived {
	readonly deployment: DeploymentProgress;
	readonly notices: readonly OutcomeNotice[];
	readonly layout: LayoutPlan;
	/** Event rows per page for paging (at least 1, even when none are shown). */
	readonly pageSize: number;
	readonly pageCount: number;
	/** The requested page, clamped into 0 … pageCount-1. */
	readonly page: number;
}

/** Progress of the current deployment from every event held (ascending) and the details. */
export function deploymentOf(store: EventStore, details: ServiceDetails | null): DeploymentProgress {
	return computeDeployment(storeEvents(store), details);
}

/** Pages for the current filter at this page size (at least 1). */
function pageCountOf(store: EventStore, typeFilter: TypeFilter, pageSize: number): number {
	const matching = countByType(store)[typeFilter];
	return Math.max(1, Math.ceil(matching / Math.max(1, pageSize)));
}

/** Models whose failed phase has a cause to show. */
export function failedTrackCount(deployment: DeploymentProgress): number {
	return deployment.tracks.filter(track => track.phases.some(phase => phase.state === 'failed' && phase.cause)).length;
}

/** Layout, page size and clamped page for a deployment already computed. */
export function deriveLayout(input: DeriveInput, deployment: DeploymentProgress): Derived {
	const notices = outcomeNotices(deployment, input.detailsUnavailable);
	const trackCount = Math.max(1, deployment.tracks.length);
	const layout = planLayout({
		rows: input.rows,
		trackCount,
		tracksAsColumns: tracksFitAsColumns(input.columns, trackCount),
		outcomeMessages: notices.length,
		failedTracks: failedTrackCount(deployment),
	});
	const pageSize = Math.max(1, layout.eventRows);
	const pageCount = pageCountOf(input.store, input.typeFilter, pageSize);
	const page = Math.min(pageCount - 1, Math.max(0, input.page));
	return {deployment, notices, layout, pageSize, pageCount, page};
}
