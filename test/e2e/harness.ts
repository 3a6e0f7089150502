// Runs the built CLI in a real pseudo-terminal and parses every byte it writes with a
// headless xterm, so tests assert on the screen a person would see, not on Ink internals.
import {spawn, type IPty} from 'node-pty';
import xterm from '@xterm/headless';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {TEST_NODE} from '../fixtures/test-node.js';
import {scanClears, type ClearHit} from './terminal-bytes.js';

/** dist/cli.js, built by `npm run build` before the e2e suite runs. */
export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** How a pty child ended: node-pty reports the exit code and, when killed, the signal number. */
export interface PtyExit {
	readonly code: number;
	readonly signal: number | undefined;
}

export interface PtyStartOptions {
	/** Arguments after `node dist/cli.js` (the node of MW_TEST_NODE, if set). */
	readonly args: readonly string[];
	readonly cols?: number;
	readonly rows?: number;
	/** Added to (or, with `undefined`, removed from) the clean base environment. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** The size the pty reports to the CLI when it differs from the screen's (e.g. 0×0). */
	readonly reportedSize?: {readonly cols: number; readonly rows: number};
	/** Runs the CLI from an interactive bash (job control: Ctrl+Z, fg), which the session then is. */
	readonly shell?: boolean;
}

/** A word for the shell's command line. */
const shellWord = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/** Key names press() understands; anything else is written as typed text. */
const KEYS: Readonly<Record<string, string>> = {
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	pageup: '\x1b[5~',
	pagedown: '\x1b[6~',
	enter: '\r',
	escape: '\x1b',
	tab: '\t',
	backspace: '\x7f',
	'ctrl-c': '\x03',
};

const sessions = new Set<PtySession>();

/**
 * A clean, deterministic environment: CI is dropped on purpose because `--output auto`
 * means plain under CI=true, and a UTF-8 locale so glyphs are not replaced by ASCII.
 */
function childEnv(extra: PtyStartOptions['env']): Record<string, string> {
	const base: Record<string, string | undefined> = {
		PATH: process.env['PATH'],
		HOME: process.env['HOME'],
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		LC_ALL: 'C.UTF-8',
		TZ: 'UTC',
		...extra,
	};
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(base)) {
		if (value !== undefined) env[name] = value;
	}
	return env;
}

/** One CLI process in a pty, mirrored into a headless terminal of the same size. */
export class PtySession {
	readonly exit: Promise<PtyExit>;
	private readonly pty: IPty;
	private readonly term: InstanceType<typeof xterm.Terminal>;
	private readonly chunks: string[] = [];
	private byteCount = 0;
	private exited: PtyExit | null = null;
	/** Window titles the output set (OSC 0/2); a watch never sets one. */
	readonly titleChanges: string[] = [];

	private constructor(options: PtyStartOptions) {
		if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run npm run build first`);
		const cols = options.cols ?? 120;
		const rows = options.rows ?? 40;
		this.term = new xterm.Terminal({cols, rows, scrollback: 5000, allowProposedApi: true});
		const command = [TEST_NODE, CLI_PATH, ...options.args];
		this.pty = spawn(options.shell ? 'bash' : command[0]!, options.shell ? ['--norc', '--noprofile', '-i'] : command.slice(1), {
			name: 'xterm-256color',
			cols: options.reportedSize?.cols ?? cols,
			rows: options.reportedSize?.rows ?? rows,
			cwd: process.cwd(),
			env: childEnv(options.shell ? {PS1: '$ ', ...options.env} : options.env),
		});
		if (options.shell) this.pty.write(`${command.map(shellWord).join(' ')}\r`);
		this.pty.onData((data) => {
			this.chunks.push(data);
			this.byteCount += Buffer.byteLength(data);
			this.term.write(data);
		});
		this.term.onTitleChange((title) => this.titleChanges.push(title));
		// A real terminal answers queries (cursor position, device attributes); so does this one.
		this.term.onData((reply) => {
			if (this.exited === null) this.pty.write(reply);
		});
		this.exit = new Promise((resolve) => {
			this.pty.onExit(({exitCode, signal}) => {
				this.exited = {code: exitCode, signal: signal || undefined};
				resolve(this.exited);
			});
		});
		sessions.add(this);
	}

	static start(options: PtyStartOptions): PtySession {
		return new PtySession(options);
	}

	get cols(): number {
		return this.term.cols;
	}

	get rows(): number {
		return this.term.rows;
	}

	/** The process in the pty: the CLI, or the shell that runs it. */
	get pid(): number {
		return this.pty.pid;
	}

	/** Bytes the CLI has written to the terminal so far. */
	get bytes(): number {
		return this.byteCount;
	}

	/** Everything the CLI wrote, escape sequences included. */
	raw(): string {
		return this.chunks.join('');
	}

	/** Waits until the headless terminal has parsed every byte received so far. */
	flush(): Promise<void> {
		return new Promise((resolve) => this.term.write('', resolve));
	}

	/** The visible rows, right-trimmed. */
	screenLines(): string[] {
		const buffer = this.term.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < this.term.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}
		return lines;
	}

	screenText(): string {
		return this.screenLines().join('\n');
	}

	/** Scrollback plus screen: what a person scrolling up would find after the CLI ends. */
	scrollbackText(): string {
		const buffer = this.term.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < buffer.length; row++) {
			lines.push(buffer.getLine(row)?.translateToString(true) ?? '');
		}
		return lines.join('\n').trimEnd();
	}

	/** Polls the parsed screen until it matches; the error shows the last screen seen. */
	async waitForText(pattern: RegExp | string, timeoutMs = 15_000): Promise<void> {
		const matches = (text: string): boolean =>
			typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
		await this.waitFor(() => matches(this.screenText()), `screen to show ${String(pattern)}`, timeoutMs);
	}

	/** Polls a condition on this session (after parsing pending bytes) until true or timeout. */
	async waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			await this.flush();
			if (condition()) return;
			if (Date.now() > deadline) {
				throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${this.screenText()}`);
			}
			if (this.exited !== null) {
				throw new Error(`process exited (${JSON.stringify(this.exited)}) while waiting for ${what}; screen:\n${this.screenText()}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	/** Sends a named key (see KEYS) or literal text. */
	press(key: string): void {
		this.pty.write(KEYS[key.toLowerCase()] ?? key);
	}

	resize(cols: number, rows: number): void {
		this.pty.resize(cols, rows);
		this.term.resize(cols, rows);
	}

	/** Closes the pty master, as a dropped SSH connection or a closed terminal window does. */
	hangUp(): void {
		(this.pty as IPty & {destroy(): void}).destroy();
	}

	/** Sends a signal to the CLI process itself. */
	signal(name: NodeJS.Signals): void {
		process.kill(this.pty.pid, name);
	}

	/** Rows of the screen that the terminal wrapped: output wider than the screen. */
	wrappedRows(): number[] {
		const buffer = this.term.buffer.active;
		const rows: number[] = [];
		for (let row = 0; row < this.term.rows; row++) {
			if (buffer.getLine(buffer.viewportY + row)?.isWrapped) rows.push(row);
		}
		return rows;
	}

	get hasExited(): boolean {
		return this.exited !== null;
	}

	/** Full-screen (`ESC[2J`) and scrollback (`ESC[3J`) clears written after the first frame. */
	clearsAfterFirstFrame(): ClearHit[] {
		return scanClears(this.raw()).afterFirstFrame;
	}

	/** Kills the whole process group and waits for the exit, so no test leaves orphans. */
	async kill(): Promise<void> {
		if (this.exited === null) {
			try {
				process.kill(-this.pty.pid, 'SIGKILL');
			} catch {
				this.pty.kill('SIGKILL');
			}
			await this.exit;
		}
		this.term.dispose();
		sessions.delete(this);
	}
}

/** For afterEach: ends every session still running and frees every headless terminal. */
export async function killAllSessions(): Promise<void> {
	await Promise.all([...sessions].map((session) => session.kill()));
}
