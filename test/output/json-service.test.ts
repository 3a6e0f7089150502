import {describe, expect, it} from 'vitest';
import {summaryAllLine, withServiceId} from '../../source/output/json-service.js';

describe('withServiceId', () => {
	it.each([
		['{"kind":"event","occur_time":1,"event_info":"a \\"quoted\\" text"}', '{"kind":"event","service_id":"svc-1","occur_time":1,"event_info":"a \\"quoted\\" text"}'],
		['{"kind":"status","status":"running","progress":100,"error_msg":null}', '{"kind":"status","service_id":"svc-1","status":"running","progress":100,"error_msg":null}'],
		['{"kind":"instances"}', '{"kind":"instances","service_id":"svc-1"}'],
	])('puts the service id right after the kind: %s', (line, expected) => {
		expect(withServiceId(line, 'svc-1')).toBe(expected);
		expect(JSON.parse(withServiceId(line, 'svc-1'))).toMatchObject({service_id: 'svc-1'});
	});

	it('refuses a line that does not start with its kind (a record builder forgot it)', () => {
		expect(() => withServiceId('{"status":"running"}', 'svc-1')).toThrow('must start with its kind');
	});
});

describe('summaryAllLine', () => {
	it('is the documented shape', () => {
		expect(JSON.parse(summaryAllLine('failed', [{service_id: 'a', service_name: 'alpha', outcome: 'failed', error: null}]))).toEqual({
			kind: 'summary-all',
			outcome: 'failed',
			services: [{service_id: 'a', service_name: 'alpha', outcome: 'failed', error: null}],
		});
	});
});
