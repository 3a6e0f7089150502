// A command in a real pseudo-terminal, every byte timestamped and parsed by a headless
// xterm, so the benchmark can measure what a terminal (or an SSH link) actually receives.
import {Buffer} from 'node:buffer';
import {performance} from 'node:perf_hooks';
import {spawn} from 'node-pty';
import xterm from '@xterm/headless';

const ESC = '\x1b';

/** A clean environment: no CI (it turns --output auto into plain), a UTF-8 locale, UTC. */
export function ptyEnv(extra = {}) {
	const env = {PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC', ...extra};
	return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

/**
 * Starts `file args` in a pty of cols×rows. Returns a probe with the byte log, the parsed
 * screen, waits on content, resize and a kill that waits for the exit.
 */
export function startProbe(file, args, {cols = 120, rows = 40, env = {}} = {}) {
	const startedAt = performance.now();
	const term = new xterm.Terminal({cols, rows, scrollback: 1000, allowProposedApi: true});
	const pty = spawn(file, args, {name: 'xterm-256color', cols, rows, cwd: process.cwd(), env: ptyEnv(env)});
	/** @type {{at: number, bytes: number}[]} */
	const log = [];
	const chunks = [];
	let exited = null;
	/** Conditions waited on, resolved with the arrival time of the chunk after which they held. */
	const watchers = new Set();
	pty.onData((data) => {
		const at = performance.now();
		log.push({at, bytes: Buffer.byteLength(data)});
		chunks.push(data);
		term.write(data, () => {
			for (const watcher of [...watchers]) {
				if (!watcher.test()) continue;
				watchers.delete(watcher);
				watcher.resolve(at);
			}
		});
	});
	term.onData((reply) => {
		if (exited === null) pty.write(reply);
	});
	const exit = new Promise((resolve) => {
		pty.onExit((info) => {
			exited = info;
			resolve(info);
		});
	});

	function screenText() {
		const buffer = term.buffer.active;
		const lines = [];
		for (let row = 0; row < term.rows; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		return lines.join('\n');
	}

	const flush = () => new Promise((resolve) => term.write('', resolve));

	async function waitFor(condition, what, timeoutMs = 20_000) {
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			await flush();
			if (condition()) return performance.now();
			if (exited !== null) {
				// The last bytes of a process that just ended may still be in flight.
				await new Promise((resolve) => setTimeout(resolve, 100));
				await flush();
				if (condition()) return performance.now();
				throw new Error(`exited (${JSON.stringify(exited)}) while waiting for ${what}:\n${screenText()}`);
			}
			if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${screenText()}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	return {
		pid: pty.pid,
		startedAt,
		exit,
		screenText,
		flush,
		raw: () => chunks.join(''),
		totalBytes: () => log.reduce((sum, entry) => sum + entry.bytes, 0),
		/** Bytes received in [from, to) (performance.now() times). */
		bytesBetween: (from, to) => log.filter((entry) => entry.at >= from && entry.at < to).reduce((sum, entry) => sum + entry.bytes, 0),
		waitFor,
		waitForText: (pattern, timeoutMs) =>
			waitFor(() => (typeof pattern === 'string' ? screenText().includes(pattern) : pattern.test(screenText())), String(pattern), timeoutMs),
		/**
		 * Arrival time (performance.now()) of the chunk after which `test()` first holds,
		 * checked on every parsed chunk (finer than polling).
		 */
		arrivalWhen(test) {
			return new Promise((resolve) => {
				if (test()) resolve(performance.now());
				else watchers.add({test, resolve});
			});
		},
		press: (keys) => pty.write(keys),
		resize(newCols, newRows) {
			pty.resize(newCols, newRows);
			term.resize(newCols, newRows);
		},
		async kill() {
			if (exited === null) {
				try {
					process.kill(-pty.pid, 'SIGKILL');
				} catch {
					pty.kill('SIGKILL');
				}
				await exit;
			}
			term.dispose();
		},
	};
}

/** Screen and scrollback clears (ED 2, ED 3, RIS) after the first visible character. */
export function clearsAfterFirstFrame(raw) {
	const first = firstPrintableOutsideEscapes(raw);
	let count = 0;
	const pattern = /\x1b\[[23]J|\x1bc/g;
	for (let match = pattern.exec(raw); match !== null; match = pattern.exec(raw)) {
		if (match.index > first) count++;
	}
	return count;
}

/** Offset of the first printable character that is not part of an escape sequence. */
function firstPrintableOutsideEscapes(raw) {
	let index = 0;
	while (index < raw.length) {
		if (raw[index] === ESC) {
			index = skipEscape(raw, index);
		} else if (/[\s\x00-\x1f\x7f]/u.test(raw[index])) {
			index++;
		} else {
			return index;
		}
	}
	return raw.length;
}

function skipEscape(raw, start) {
	const next = raw[start + 1];
	let index = start + 2;
	if (next === '[') {
		while (index < raw.length && !/[\x40-\x7e]/.test(raw[index])) index++;
		return index + 1;
	}
	if (next === ']') {
		while (index < raw.length && raw[index] !== '\x07' && !(raw[index] === ESC && raw[index + 1] === '\\')) index++;
		return index + (raw[index] === ESC ? 2 : 1);
	}
	return index;
}
