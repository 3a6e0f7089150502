// Network cost of watching: the bytes of the first load of a 5,000-event history next to
// the bytes of each steady poll afterwards, and the request rate, from the simulator's log.
import {startProbe} from './pty-probe.mjs';
import {historyEvents, watchArgs} from './sim.mjs';
import {waitForHistory} from './render.mjs';
import {CLI} from './startup.mjs';
import {formatBytes, result} from './stats.mjs';

const HISTORY = 5000;
const WINDOW_MS = 12_000;
/** The monitor is read at the rarer of every third poll and every 10 s (source/api/poll/watcher.ts). */
const MONITOR_EVERY_S = 10;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const sumBytes = (requests) => requests.reduce((sum, request) => sum + (request.bytes ?? 0), 0);
const isEventsRequest = (request) => /\/events$/.test(request.path ?? '');

export async function measureSync(startSim, intervalSeconds = 2) {
	const sim = await startSim();
	sim.addEvents(sim.serviceId, historyEvents(HISTORY));
	const {args, env} = watchArgs(sim, ['--interval', String(intervalSeconds)]);
	const probe = startProbe(process.execPath, [CLI, ...args], {cols: 120, rows: 40, env});
	try {
		await waitForHistory(probe, HISTORY);
		const loadCount = sim.requests.length;
		const firstLoad = sumBytes(sim.requests.slice(0, loadCount));
		await pause(WINDOW_MS);
		const steady = sim.requests.slice(loadCount);
		const polls = Math.max(1, steady.filter(isEventsRequest).length);
		const perPoll = sumBytes(steady) / polls;
		const perSecond = steady.length / (WINDOW_MS / 1000);
		// Events and details per poll, the monitor now and then, and one request that a poll at
		// the window's edge may add.
		const allowed = 2 / intervalSeconds + 1 / Math.max(MONITOR_EVERY_S, 3 * intervalSeconds) + 1 / (WINDOW_MS / 1000);
		return [
			result(`first load, ${HISTORY}-event history`, `${formatBytes(firstLoad)} in ${loadCount} requests`, '', null, 'response bytes'),
			result('bytes per steady poll', formatBytes(perPoll), '< 10% of first load', perPoll * 10 < firstLoad, `${polls} polls in ${WINDOW_MS / 1000} s, --interval ${intervalSeconds}`),
			result('requests per second (steady)', perSecond.toFixed(2), `<= ${allowed.toFixed(2)} (events + details, monitor, window edge)`, perSecond <= allowed),
		];
	} finally {
		await probe.kill();
		await sim.close();
	}
}
