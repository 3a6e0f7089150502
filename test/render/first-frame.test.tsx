import chalk from 'chalk';
import React from 'react';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import type {Config} from '../../source/config/types.js';
import {firstFrameText} from '../../source/cli/first-frame.js';
import {makeConfig} from '../fixtures/config.js';
import {renderSized} from '../ui/helpers.js';

const NOW = Date.UTC(2026, 10, 27, 18, 2, 0);
const idleWatcher = () => ({start() {}, refreshNow() {}, readUpdateLogs() {}, stop() {}, done: new Promise<never>(() => {})});

/** Ink's first frame of the live view: what its renderer wrote before any message arrived. */
function inkFirstFrame(config: Config, columns: number, rows: number): string {
	const rendered = renderSized(
		<App config={config} watcherFactory={idleWatcher} now={() => NOW} initialColumns={columns} initialRows={rows} interactive={false} />,
		{columns, rows},
	);
	const [first] = rendered.stdout.frames;
	rendered.unmount();
	// Ink hands its log-update the frame with a newline at the end; debug mode writes it bare.
	return `${first}\n`;
}

// The painted frame must be exactly what Ink then draws, or the handover would rewrite
// (or duplicate) lines: the same components, laid out and styled without Ink.
describe('the painted first frame', () => {
	const level = chalk.level;
	beforeEach(() => {
		// Colours as on a 256-colour terminal (the test process has none), for Ink and the painter alike.
		chalk.level = 2;
	});
	afterEach(() => {
		chalk.level = level;
	});

	const sizes = [
		[80, 24],
		[120, 40],
		[100, 30],
		[60, 20],
		[40, 12],
		[200, 60],
		[30, 8],
	] as const;
	const configs: ReadonlyArray<readonly [string, Partial<Config>]> = [
		['a service id', {serviceName: null}],
		['a service name and id', {}],
		['a service name only', {serviceId: null}],
		['abnormal events, oldest first', {typeFilter: 'abnormal', order: 'asc', serviceName: null}],
		['--ascii', {ascii: true, serviceName: null}],
		['--no-color', {color: false, serviceName: null}],
		['--tz', {timeZone: {kind: 'zone', name: 'Asia/Shanghai'}, serviceName: null}],
	];

	it.each(configs.flatMap(([what, config]) => sizes.map(([columns, rows]) => [what, columns, rows, config] as const)))(
		'equals Ink’s first frame: %s at %ix%i',
		(_what, columns, rows, overrides) => {
			// Given a watch's settings and a terminal size
			const config = makeConfig(overrides);

			// When the first frame is painted without Ink, and Ink renders the live view
			const painted = firstFrameText({config, columns, rows, now: NOW});

			// Then both are the same text, colour codes included
			expect(painted).toBe(inkFirstFrame(config, columns, rows));
		},
	);

	it('leaves a frame with wide characters (a CJK service name) to Ink', () => {
		const config = makeConfig({serviceName: '部署服务', serviceId: null});
		expect(firstFrameText({config, columns: 80, rows: 24, now: NOW})).toBeNull();
	});
});
