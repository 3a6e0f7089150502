// Where the live view starts: the empty watch data, the settings from the Config, the size and
// the time from the caller. Apart from the reducer (reducer.ts) because the painted first
// frame (cli/first-frame.ts) draws this state before any key or message can arrive, and so
// loads none of what handles them.
import type {Config, TimeZoneSetting} from '../../config/types.js';
import {DEFAULT_DEPLOY_TIMEOUT_MS, DEFAULT_SLOW_THRESHOLDS} from '../diagnosis/thresholds.js';
import {docsCloudOf} from '../diagnosis/docs-cloud.js';
import {initialEnd} from '../ending/run-end.js';
import type {EndRules} from '../ending/watch-end.js';
import {emptyWatchData} from '../watch/data.js';
import {NO_COMPLETION} from './completion.js';
import {deriveView} from './derive.js';
import {initialTimeMode, type ViewState} from './types.js';
import type {DiagnoseShown} from './why.js';

/** Where the view starts: settings from the Config, size and time from the caller. */
export interface InitialViewInput {
	readonly config: Pick<Config, 'typeFilter' | 'order'> & Partial<Pick<Config, 'slowThresholds' | 'deployTimeoutMs' | 'endpoint'>> & {readonly timeZone?: TimeZoneSetting};
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
	/** Opened from the service picker: Esc with nothing open goes back. */
	readonly canGoBack?: boolean;
	/** The flags that end the run, when this view decides its end (not inside the overview). */
	readonly endRules?: EndRules;
	/** What diagnoses the deployment: diagnoseShown (core/view/diagnose.ts), or nothing for the painted first frame. */
	readonly diagnose: DiagnoseShown;
}

/** The state before any message: empty store, loading, settings from the Config. */
export function initialViewState({config, now, columns, rows, canGoBack = false, endRules, diagnose}: InitialViewInput): ViewState {
	return deriveView(null, {
		...emptyWatchData(),
		settings: {
			typeFilter: config.typeFilter,
			order: config.order,
			page: 0,
			overlay: 'none',
			search: '',
			searchTyping: false,
			selected: null,
			lineSelected: null,
			timeMode: initialTimeMode(config.timeZone),
		},
		frozen: null,
		flash: null,
		completion: NO_COMPLETION,
		now,
		columns,
		rows,
		canGoBack,
		end: endRules === undefined ? null : initialEnd(endRules),
		final: false,
		slowLimits: {thresholds: config.slowThresholds ?? DEFAULT_SLOW_THRESHOLDS, timeoutMs: config.deployTimeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS, cloud: docsCloudOf(config.endpoint)},
		diagnose,
	});
}
