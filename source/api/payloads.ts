// From parsed JSON to the client's typed pages, through the model's tolerant validators.
// A body that is not the expected shape at all is a TransientError: a gateway or a half-
// deployed server answered, and asking again later is the right reaction.
import {validateEventsPayload, validateServiceDetails, validateServicesPage} from '../model/events.js';
import type {ServiceDetails} from '../model/types.js';
import {TransientError} from './errors.js';
import type {EventsPage, ServicesPage} from './types.js';

function isObject(json: unknown): json is Record<string, unknown> {
	return typeof json === 'object' && json !== null && !Array.isArray(json);
}

/**
 * An events page. Without a usable `total_count` the page is taken as complete (the API
 * always sends one; guessing "more" could page forever).
 */
export function eventsPageFrom(json: unknown): EventsPage {
	// `events: null` means none, but a body with neither field is some other JSON API answering.
	const listed = isObject(json) && (json.events === null || Array.isArray(json.events) || (json.events === undefined && json.total_count !== undefined));
	if (!listed) {
		throw new TransientError('unexpected response (no events list) — is this a ModelArts endpoint?');
	}

	const payload = validateEventsPayload(json);
	return {
		service_id: payload.service_id,
		service_name: payload.service_name,
		total_count: payload.total_count ?? payload.events.length,
		events: payload.events,
	};
}

export function serviceDetailsFrom(json: unknown): ServiceDetails {
	const payload = validateServiceDetails(json);
	if (payload.details === null) {
		throw new TransientError(`unexpected service details (${payload.problems.join('; ')})`);
	}

	return payload.details;
}

export function servicesPageFrom(json: unknown): ServicesPage {
	if (!isObject(json) || (json.services === undefined && json.total_count === undefined)) {
		throw new TransientError('unexpected response (not a services list) — is this a ModelArts endpoint?');
	}

	const payload = validateServicesPage(json);
	return {total_count: payload.total_count ?? payload.services.length, services: payload.services};
}
