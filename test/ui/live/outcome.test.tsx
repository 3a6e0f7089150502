import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {noticeLineCount, outcomeNotices} from '../../../source/core/view/notices.js';
import {addEvents, emptyStore, storeEvents, type EventStore} from '../../../source/core/events/store.js';
import type {ServiceDetails} from '../../../source/core/types.js';
import {Outcome} from '../../../source/ui/live/outcome.js';
import {DEPLOYING_EVENTS, details, event} from '../fixtures.js';
import {renderSized, type Rendered} from '../helpers.js';

const deploymentOf = (store: EventStore, serviceDetails: ServiceDetails | null) => computeDeployment(storeEvents(store), serviceDetails);

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
});

function outcomeFrame(serviceDetails: ServiceDetails | null, detailsUnavailable: string | null = null, extra = [event(300, 'Service my-service started.')]): string {
	const store = addEvents(emptyStore(), [...DEPLOYING_EVENTS, ...extra]).store;
	const notices = outcomeNotices(deploymentOf(store, serviceDetails), {detailsUnavailable});
	mounted = renderSized(<Outcome notices={notices} lineCounts={notices.map(notice => noticeLineCount(notice, 80))} width={80} display={{ascii: false, color: true}} />, {columns: 80, rows: 24});
	return mounted.lastFrame();
}

describe('Outcome', () => {
	test.each<[string, ServiceDetails | null, string | null, readonly string[]]>([
		['deployed', details({status: 'running'}), null, ['✔ Deployed in 5m00s: the service is running']],
		['failed with error_msg', details({status: 'failed', error_msg: 'Model startup timed out (20 min)'}), null, ['✖ Deployment failed after 5m00s: Model startup timed out (20 min)']],
		['stopped', details({status: 'stopped'}), null, ['Service stopped']],
		// Concerning after a deploy: the warning mark, never the success one
		['concerning', details({status: 'concerning'}), null, ['⚠ Deployed in 5m00s; the service is now degraded (concerning)']],
		['details unavailable', null, '403', ['Details unavailable (403): progress from events only']],
	])('%s', (_, serviceDetails, unavailable, expected) => {
		const frame = outcomeFrame(serviceDetails, unavailable);
		for (const text of expected) {
			expect(frame).toContain(text);
		}
	});

	test('a long error_msg wraps onto up to three lines, then ends in an ellipsis', () => {
		const words = Array.from({length: 40}, (_, i) => `word${i}`).join(' ');
		const notices = outcomeNotices(deploymentOf(addEvents(emptyStore(), DEPLOYING_EVENTS).store, details({status: 'failed', error_msg: words})), {detailsUnavailable: null});
		mounted = renderSized(<Outcome notices={notices} lineCounts={notices.map(notice => noticeLineCount(notice, 60))} width={60} display={{ascii: false, color: false}} />, {columns: 60, rows: 24});
		const lines = mounted.lastFrame().split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(/^✖ Deployment failed after \d+m\d+s: word0 word1/);
		expect(lines[1]).toMatch(/^ {2}word\d+/);
		expect(lines[2]).toMatch(/…$/);
		expect(lines.every(line => line.length <= 60)).toBe(true);
	});

	test('nothing to say while a deployment is in progress with details', () => {
		expect(outcomeFrame(details(), null, []).trim()).toBe('');
	});

	test('a failure without error_msg names the failing event', () => {
		const frame = outcomeFrame(null, null, [event(200, 'Failed to start service my-service.', 'abnormal')]);
		expect(frame).toContain('Deployment failed');
		expect(frame).toContain('Failed to start service my-service.');
	});
});
