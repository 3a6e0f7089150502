// From parsed JSON to the client's typed pages, through the core's tolerant validators.
// A body that is not the expected shape at all is a TransientError: a gateway or a half-
// deployed server answered, and asking again later is the right reaction.
import {validateEventsPayload, validateServiceDetails, validateServicesPage} from '../core/events/normalise.js';
import type {ServiceDetails, ServiceMonitor} from '../core/types.js';
import {validateMonitorPayload} from '../core/wire/validate-monitor.js';
import {validateUpdateLogsPayload} from '../core/wire/validate-update-logs.js';
import {TransientError} from './errors.js';
import type {EventsPage, ServicesPage, UpdateLogs} from './types.js';

/** Told what a tolerant validator dropped or found missing, so the user can be told once. */
export type ProblemReporter = (problem: string) => void;

function report(reporter: ProblemReporter | undefined, where: string, problems: readonly string[]): void {
	for (const problem of problems) reporter?.(`${where}: ${problem}`);
}

function isObject(json: unknown): json is Record<string, unknown> {
	return typeof json === 'object' && json !== null && !Array.isArray(json);
}

/**
 * An events page. Without a usable `total_count` the page is taken as complete (the API
 * always sends one; guessing "more" could page forever).
 */
export function eventsPageFrom(json: unknown, reporter?: ProblemReporter): EventsPage {
	// `events: null` means none, but a body with neither field is some other JSON API answering.
	const listed = isObject(json) && (json.events === null || Array.isArray(json.events) || (json.events === undefined && json.total_count !== undefined));
	if (!listed) {
		throw new TransientError('unexpected response (no events list) — is this a ModelArts endpoint?');
	}

	const payload = validateEventsPayload(json);
	report(reporter, 'events', payload.problems);
	return {
		service_id: payload.service_id,
		service_name: payload.service_name,
		total_count: payload.total_count ?? payload.events.length,
		events: payload.events,
	};
}

export function serviceDetailsFrom(json: unknown, reporter?: ProblemReporter): ServiceDetails {
	const payload = validateServiceDetails(json);
	if (payload.details === null) {
		throw new TransientError(`unexpected service details (${payload.problems.join('; ')})`);
	}

	report(reporter, 'service details', payload.problems);
	return payload.details;
}

export function servicesPageFrom(json: unknown, reporter?: ProblemReporter): ServicesPage {
	if (!isObject(json) || (json.services === undefined && json.total_count === undefined)) {
		throw new TransientError('unexpected response (not a services list) — is this a ModelArts endpoint?');
	}

	const payload = validateServicesPage(json);
	report(reporter, 'services', payload.problems);
	return {total_count: payload.total_count ?? payload.services.length, services: payload.services};
}

const MONITOR_FIELDS = ['monitors', 'service_instance_count', 'service_running_instance_count', 'service_id', 'service_name'];

/** The monitor answer. Any of its fields may be missing, but an object with none of them is some other API. */
export function monitorFrom(json: unknown, reporter?: ProblemReporter): ServiceMonitor {
	if (!isObject(json) || !MONITOR_FIELDS.some((field) => json[field] !== undefined)) {
		throw new TransientError('unexpected response (not a monitor answer) — is this a ModelArts endpoint?');
	}

	const payload = validateMonitorPayload(json);
	report(reporter, 'monitor', payload.problems);
	return payload.monitor;
}

export function updateLogsFrom(json: unknown, reporter?: ProblemReporter): UpdateLogs {
	if (!isObject(json) || (json.logs === undefined && json.service_id === undefined)) {
		throw new TransientError('unexpected response (not an update log) — is this a ModelArts endpoint?');
	}

	const payload = validateUpdateLogsPayload(json);
	report(reporter, 'update logs', payload.problems);
	return {records: payload.records};
}
