import React from 'react';
import {Box, Text} from 'ink';
import type {Config, TimeZoneSetting} from '../../config/types.js';
import {autoStopText} from '../../core/deployment/auto-stop.js';
import {deploymentElapsed} from '../../core/deployment/elapsed.js';
import {instancesText} from '../../core/words/instances-wording.js';
import type {EventPage} from '../../core/events/store-query.js';
import {countByType} from '../../core/events/store.js';
import {dayOf} from '../../core/words/time-format.js';
import {failureCulprit} from '../../core/words/wording.js';
import type {ViewState} from '../../core/view/types.js';
import {EventDetail} from '../overlays/event-detail.js';
import {EventTable} from './event-table.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {Help, type BackTo} from '../overlays/help.js';
import {Outcome} from './outcome.js';
import {PhaseList} from '../phases/phase-list.js';
import {ResourceLine} from './resource-line.js';
import {Timeline} from '../phases/timeline.js';
import {UpdateDetail} from '../overlays/update-detail.js';
import {UpdateLine} from './update-line.js';
import {WhyBlock} from './why-block.js';
import {PodsDetail} from '../overlays/pods-detail.js';
import {WhyDetail} from '../overlays/why-detail.js';
import type {Display} from '../kit/display.js';

export interface LiveViewProps {
	readonly state: ViewState;
	readonly page: EventPage;
	readonly spinnerFrame: number | null;
	readonly config: Pick<Config, 'serviceId' | 'serviceName' | 'ascii' | 'color' | 'timeZone'>;
	/** Where Esc goes back to (the picker's list, the overview); none when absent. */
	readonly backTo?: BackTo | null;
}

function ViewHeader({state, config}: LiveViewProps) {
	const {deployment, details, layout, instances} = state;
	return (
		<Header
			serviceName={details?.service_name ?? config.serviceName}
			serviceId={config.serviceId ?? details?.service_id ?? null}
			status={deployment.status}
			progress={deployment.progress}
			modelStatus={deployment.tracks.length === 1 ? (deployment.tracks[0]?.modelStatus ?? null) : null}
			instances={instances === null ? null : instancesText(instances)}
			// due_time is on the server's clock, as the events' times are.
			autoStop={autoStopText(details?.due_time, state.now + state.skewMs)}
			elapsedMs={deploymentElapsed(deployment, state.now, state.skewMs)}
			sync={state.sync}
			now={state.now}
			dataNote={state.oddities.at(-1)?.brief ?? null}
			lines={layout.headerLines === 1 ? 1 : 2}
			width={state.columns}
			display={config}
		/>
	);
}

/** New events received since the view was paused, or null when it is not paused. */
function waitingCount(state: ViewState): number | null {
	return state.frozen === null ? null : countByType(state.store).all - countByType(state.frozen.store).all;
}

function ViewFooter({state, page, config, backTo = null}: LiveViewProps) {
	const {settings} = state;
	return (
		<Footer
			typeFilter={settings.typeFilter}
			order={settings.order}
			page={page.page + 1}
			pageCount={page.pageCount}
			matching={page.matching}
			search={settings.search}
			searchTyping={settings.searchTyping}
			waiting={waitingCount(state)}
			canGoBack={backTo !== null}
			updateShown={state.update !== null}
			whyShown={state.why !== null}
			final={state.final}
			flash={state.flash?.text ?? null}
			width={state.columns}
			display={config}
		/>
	);
}

function emptyText(state: ViewState): string {
	if (state.sync.kind === 'loading') {
		return 'waiting for events';
	}

	const {typeFilter, search} = state.settings;
	const kind = typeFilter === 'all' ? 'events' : `${typeFilter} events`;
	return search.trim() === '' ? `no ${kind}` : `no ${kind} match the search`;
}

/** The zone of the `local` time mode: --tz's zone, else the machine's (also under --utc). */
export function localZoneOf(timeZone: TimeZoneSetting): TimeZoneSetting {
	return timeZone.kind === 'utc' ? {kind: 'local'} : timeZone;
}

function EventRows({state, page, config}: LiveViewProps) {
	const {layout, columns, settings} = state;
	const relative = settings.timeMode === 'relative';
	const timeZone = settings.timeMode === 'utc' ? {kind: 'utc' as const} : localZoneOf(config.timeZone);
	return (
		<EventTable
			events={page.rows}
			emptyText={emptyText(state)}
			width={columns}
			timeZone={timeZone}
			// Without rows no time is drawn: the first frame is spared building a date formatter (~20 ms).
			today={page.rows.length === 0 || relative ? '' : dayOf(state.now, timeZone)}
			// Ages are measured on the server's clock, as the events' times are.
			ageAt={relative ? state.now + state.skewMs : null}
			selectedKey={settings.selected?.key ?? null}
			showHeader={layout.tableHeader}
			display={config}
		/>
	);
}

/** The Why block where its kind puts it, in the lines the plan granted. */
function Why({state, config, kind}: LiveViewProps & {readonly kind: 'failed' | 'slow'}) {
	const {why, layout, settings} = state;
	if (why?.kind !== kind || layout.whyLines === 0) return null;
	return <WhyBlock why={why} lines={layout.whyLines} selected={settings.lineSelected === 'why'} width={state.columns} display={config} />;
}

// The part between header and footer: phases, the slow hint, outcome, why it failed, timeline
// and one page of events. Each part takes exactly the lines the layout plan granted, so the
// frame never reaches the bottom row.
function ViewBody(props: LiveViewProps) {
	const {state, spinnerFrame, config} = props;
	const {layout, columns} = state;
	// The config itself: one stable object, so the memoised parts skip unchanged frames.
	const display: Display = config;
	return (
		<>
			{layout.phaseMode !== 'hidden' && (
				<PhaseList
					tracks={state.deployment.tracks}
					instances={state.instances}
					mode={layout.phaseMode}
					shape={layout.phaseShape}
					width={columns}
					now={state.now}
					skewMs={state.skewMs}
					culprit={failureCulprit(state.deployment)}
					spinnerFrame={spinnerFrame}
					display={display}
				/>
			)}
			<Why {...props} kind="slow" />
			{layout.outcomeLines > 0 && <Outcome notices={state.notices} lineCounts={layout.noticeLines} width={columns} display={display} />}
			<Why {...props} kind="failed" />
			{layout.resourceLines > 0 && state.instances && <ResourceLine instances={state.instances} width={columns} display={display} />}
			{layout.timelineLines > 0 && <Timeline rows={state.timeline} width={columns} display={display} />}
			{layout.spacers && <Text> </Text>}
			{layout.eventRows > 0 && <EventRows {...props} />}
		</>
	);
}

// Between header and footer: the body, or help, an update, the diagnosis or an event's details
// in its place.
function MainArea(props: LiveViewProps) {
	const {state, page, config, backTo = null} = props;
	const {layout, settings, columns, update, diagnosis} = state;
	if (settings.overlay === 'help') {
		return <Help maxLines={layout.helpLines} width={columns} backTo={backTo} display={config} />;
	}

	if (settings.overlay === 'update' && update) {
		const timeZone = settings.timeMode === 'utc' ? {kind: 'utc' as const} : localZoneOf(config.timeZone);
		return <UpdateDetail update={update} timeZone={timeZone} maxLines={layout.helpLines} width={columns} display={config} />;
	}

	if (settings.overlay === 'pods' && state.pods) {
		return <PodsDetail report={state.pods} now={state.now} maxLines={layout.helpLines} width={columns} display={config} />;
	}

	if (settings.overlay === 'why' && diagnosis) {
		return <WhyDetail diagnosis={diagnosis} maxLines={layout.helpLines} width={columns} display={config} />;
	}

	const selected = settings.overlay === 'detail' ? page.rows.find(row => row.key === settings.selected?.key) : undefined;
	if (selected) {
		return (
			<EventDetail
				event={selected}
				localZone={localZoneOf(config.timeZone)}
				maxLines={layout.helpLines}
				width={columns}
				display={config}
			/>
		);
	}

	return (
		<>
			{layout.updateLines > 0 && update && <UpdateLine update={update} selected={settings.lineSelected === 'update'} width={columns} display={config} />}
			{layout.spacers && <Text> </Text>}
			<ViewBody {...props} />
		</>
	);
}

/** Header, phases, outcome, why, timeline, one page of events and the footer; or an overlay in the middle. */
export function LiveView(props: LiveViewProps) {
	const {layout} = props.state;
	// No explicit width: right after a resize Ink redraws this tree at the new width before
	// the reducer has heard of it, and every line's truncate-end then keeps it on one row.
	return (
		<Box flexDirection="column">
			{layout.headerLines > 0 && <ViewHeader {...props} />}
			<MainArea {...props} />
			{layout.footer && <ViewFooter {...props} />}
		</Box>
	);
}
