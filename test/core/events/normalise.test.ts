import {describe, expect, it} from 'vitest';
import {
	eventKey,
	normaliseEventType,
	toWatchEvent,
	validateEventsPayload,
	validateServiceDetails,
	validateServicesPage,
} from '../../../source/core/events/normalise.js';

describe('normaliseEventType', () => {
	it.each([
		['normal', 'normal'],
		['abnormal', 'abnormal'],
		[' ABNORMAL ', 'abnormal'],
		['Normal', 'normal'],
		['warning', 'abnormal'],
		['error', 'abnormal'],
		['FATAL', 'abnormal'],
		['info', 'normal'],
		['', 'normal'],
	])('%j → %s', (raw, expected) => {
		expect(normaliseEventType(raw)).toBe(expected);
	});

	it('reads WARNING as a severity of its own only from v2', () => {
		expect(normaliseEventType('WARNING', true)).toBe('warning');
		expect(normaliseEventType('warning', false)).toBe('abnormal');
	});
});

describe('toWatchEvent', () => {
	it('keeps the server fields, the raw type and the meaning', () => {
		const event = toWatchEvent({event_type: 'warning', event_info: '[TF 3.0.0] pull image success', occur_time: 5}, 7, 0);
		expect(event).toMatchObject({
			occurTime: 5,
			type: 'abnormal',
			rawType: 'warning',
			info: '[TF 3.0.0] pull image success',
			seq: 7,
			phase: 'image_pulling',
			model: 'TF 3.0.0',
		});
		expect({...event}.key).toBe(event.key);
	});

	it.each([
		['ordinal', [5, 'normal', 'x', 1]],
		['time', [6, 'normal', 'x', 0]],
		['type', [5, 'abnormal', 'x', 0]],
		['text', [5, 'normal', 'y', 0]],
		['text of the same length and letters', [5, 'normal', 'yx', 0]],
	] as const satisfies readonly (readonly [string, readonly [number, string, string, number]])[])(
		'keys differ when the %s differs',
		(_what, args) => {
		const base = eventKey(5, 'normal', 'xy', 0);
		const [time, type, info, ordinal] = args;
			expect(eventKey(time, type, info, ordinal)).not.toBe(base);
		expect(eventKey(5, 'normal', 'xy', 0)).toBe(base);
		},
	);
});

describe('validateEventsPayload', () => {
	it('accepts the documented response', () => {
		const result = validateEventsPayload({
			service_name: 'service-07085',
			service_id: 'abc',
			total_count: 1,
			count: 1,
			events: [{event_type: 'normal', event_info: 'start to deploy service', occur_time: 1562597251764}],
		});
		expect(result).toEqual({
			events: [{event_type: 'normal', event_info: 'start to deploy service', occur_time: 1562597251764}],
			total_count: 1,
			service_id: 'abc',
			service_name: 'service-07085',
			problems: [],
		});
	});

	it.each([
		['numeric string time', {event_type: 'normal', event_info: 'a', occur_time: '1562597251764'}, 1562597251764],
		['ISO time', {event_type: 'normal', event_info: 'a', occur_time: '2019-07-08T14:47:31.764Z'}, 1562597251764],
	])('tolerates a %s', (_name, raw, time) => {
		expect(validateEventsPayload({total_count: 1, events: [raw]}).events[0]!.occur_time).toBe(time);
	});

	it('drops unusable events and says how many and why', () => {
		const result = validateEventsPayload({
			total_count: '6',
			events: [
				{event_type: 'normal', event_info: 'ok', occur_time: 1},
				{event_type: 'normal', event_info: 'no time'},
				{event_type: 'normal', event_info: 'bad time', occur_time: 'yesterday'},
				{event_type: 'normal', event_info: 'huge time', occur_time: 1e20},
				{event_type: 'normal', occur_time: 2},
				null,
			],
		});
		expect(result.events.map((event) => event.event_info)).toEqual(['ok']);
		expect(result.total_count).toBe(6);
		expect(result.problems).toEqual(['5 events dropped (invalid occur_time: 3, event_info: 1, event: 1)']);
	});

	it.each([
		['null events', {total_count: 0, events: null}, [], 0, []],
		['missing events', {total_count: 0}, [], 0, []],
		['events not an array', {total_count: 0, events: 'x'}, [], 0, ['events is not an array']],
		['no total_count', {events: []}, [], null, ['total_count missing or invalid']],
		['not an object', 'oops', [], null, ['response is not a JSON object']],
		['an array', [], [], null, ['response is not a JSON object']],
	])('%s', (_name, json, events, total, problems) => {
		const result = validateEventsPayload(json);
		expect([result.events, result.total_count, result.problems]).toEqual([events, total, problems]);
	});
});

describe('validateServiceDetails', () => {
	it('keeps the fields the watch uses and drops bad config entries', () => {
		const result = validateServiceDetails({
			service_id: 's',
			service_name: 'n',
			status: 'failed',
			progress: '40',
			error_msg: 'ModelArts.3520',
			transition_at: 10,
			update_time: 'later',
			config: [{model_name: 'TF', model_version: '3.0.0', status: 'notReady', weight: 100}, 7],
			unrelated: true,
		});
		expect(result.details).toEqual({
			service_id: 's',
			service_name: 'n',
			status: 'failed',
			progress: 40,
			error_msg: 'ModelArts.3520',
			transition_at: 10,
			config: [{model_name: 'TF', model_version: '3.0.0', status: 'notReady', weight: 100}],
		});
		expect(result.problems).toEqual(['1 config entries dropped']);
	});

	it.each([[null], ['x'], [{service_id: 's'}], [{status: 'running'}]])('rejects %j', (json) => {
		expect(validateServiceDetails(json).details).toBeNull();
	});
});

describe('validateServicesPage', () => {
	it('keeps valid rows and counts the rest', () => {
		const result = validateServicesPage({
			total_count: 3,
			services: [{service_id: 'a', service_name: 'one', status: 'running', publish_at: '5'}, {service_name: 'nameless'}, 'x'],
		});
		expect(result.services).toEqual([{service_id: 'a', service_name: 'one', status: 'running', publish_at: 5}]);
		expect(result.total_count).toBe(3);
		expect(result.problems).toEqual(['2 services dropped (no service_id or status)']);
	});
});
