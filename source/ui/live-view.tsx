import React from 'react';
import {Box, Text} from 'ink';
import type {Config} from '../config/types.js';
import {deploymentElapsed} from '../model/elapsed.js';
import type {EventPage} from '../model/store.js';
import type {ViewState} from '../model/view-state.js';
import {EventTable} from './event-table.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {Help} from './help.js';
import {Outcome} from './outcome.js';
import {PhaseList} from './phase-list.js';

/** Props of the whole live view: the reducer's state plus what the config says about drawing. */
export interface LiveViewProps {
	readonly state: ViewState;
	readonly page: EventPage;
	readonly spinnerFrame: number | null;
	readonly config: Pick<Config, 'serviceId' | 'serviceName' | 'ascii' | 'color' | 'timeZone'>;
}

function ViewHeader({state, config}: LiveViewProps) {
	const {deployment, details, layout} = state;
	return (
		<Header
			serviceName={details?.service_name ?? config.serviceName}
			serviceId={config.serviceId ?? details?.service_id ?? null}
			status={deployment.status}
			progress={deployment.progress}
			modelStatus={deployment.tracks.length === 1 ? (deployment.tracks[0]?.modelStatus ?? null) : null}
			elapsedMs={deploymentElapsed(deployment, state.now, state.skewMs)}
			sync={state.sync}
			now={state.now}
			lines={layout.headerLines === 1 ? 1 : 2}
			width={state.columns}
			ascii={config.ascii}
			color={config.color}
		/>
	);
}

function ViewFooter({state, page, config}: LiveViewProps) {
	return (
		<Footer
			typeFilter={state.settings.typeFilter}
			order={state.settings.order}
			page={page.page + 1}
			pageCount={page.pageCount}
			matching={page.matching}
			width={state.columns}
			ascii={config.ascii}
			color={config.color}
		/>
	);
}

function emptyText(state: ViewState): string {
	if (state.sync.kind === 'loading') {
		return 'waiting for events';
	}

	const filter = state.settings.typeFilter;
	return filter === 'all' ? 'no events' : `no ${filter} events`;
}

// The part between header and footer: phases, outcome and one page of events. Each part
// takes exactly the lines the layout plan granted, so the frame never reaches the bottom row.
function ViewBody({state, page, spinnerFrame, config}: LiveViewProps) {
	const {layout, columns} = state;
	const {ascii, color} = config;
	return (
		<>
			{layout.phaseMode !== 'hidden' && (
				<PhaseList
					tracks={state.deployment.tracks}
					mode={layout.phaseMode}
					width={columns}
					now={state.now}
					skewMs={state.skewMs}
					spinnerFrame={spinnerFrame}
					ascii={ascii}
					color={color}
				/>
			)}
			{layout.outcomeLines > 0 && <Outcome notices={state.notices} maxLines={layout.outcomeLines} width={columns} ascii={ascii} color={color} />}
			{layout.spacers && <Text> </Text>}
			{layout.eventRows > 0 && (
				<EventTable
					events={page.rows}
					emptyText={emptyText(state)}
					width={columns}
					timeZone={config.timeZone}
					showHeader={layout.tableHeader}
					ascii={ascii}
					color={color}
				/>
			)}
		</>
	);
}

/** Header, phases, outcome, one page of events and the footer; or the help in the middle. */
export function LiveView(props: LiveViewProps) {
	const {state, config} = props;
	const {layout, settings, columns} = state;
	// No explicit width: right after a resize Ink redraws this tree at the new width before
	// the reducer has heard of it, and every line's truncate-end then keeps it on one row.
	return (
		<Box flexDirection="column">
			{layout.headerLines > 0 && <ViewHeader {...props} />}
			{settings.helpOpen ? (
				<Help maxLines={layout.helpLines} width={columns} ascii={config.ascii} color={config.color} />
			) : (
				<>
					{layout.spacers && <Text> </Text>}
					<ViewBody {...props} />
				</>
			)}
			{layout.footer && <ViewFooter {...props} />}
		</Box>
	);
}
