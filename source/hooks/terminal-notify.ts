// The completion nudge's bytes: a bell, and a desktop notification where the terminal
// is known to show one. Which escape a terminal understands is read from the environment
// the terminal sets; an unknown terminal gets the bell alone, because an unknown OSC may
// be printed as garbage (the Linux console, for one, treats `ESC ]` as a palette command).
//
// Inside tmux or screen the notification is skipped and only the bell is sent: tmux drops
// OSC 9/777 unless `allow-passthrough` is on (off by default since tmux 3.3), and the
// environment there describes the multiplexer, not the terminal around it. tmux forwards
// the bell and flags the window, which is the nudge that works everywhere.
import {sanitizeForTerminal} from '../core/events/sanitize.js';

/** How a desktop notification is sent: OSC 9 (text), OSC 777 (title and body), or not at all. */
export type NotifyProtocol = 'osc9' | 'osc777' | 'none';

const BEL = '\u0007';
const ESC = '\u001B';
/** Notifications are short; a long failure cause is cut. */
const MAX_TEXT = 200;

/** Whether the process runs inside a terminal multiplexer. */
function inMultiplexer(env: Readonly<Record<string, string | undefined>>): boolean {
	return Boolean(env['TMUX']) || Boolean(env['STY']) || /^(screen|tmux)/.test(env['TERM'] ?? '');
}

/** The notification protocol the terminal in `env` supports (see the table in the README). */
export function notifyProtocol(env: Readonly<Record<string, string | undefined>>): NotifyProtocol {
	if (inMultiplexer(env)) return 'none';
	const program = env['TERM_PROGRAM'] ?? '';
	const term = env['TERM'] ?? '';
	// OSC 777 carries a title and a body: preferred where it is supported.
	if (program === 'ghostty' || term === 'xterm-ghostty' || term.startsWith('foot') || env['VTE_VERSION']) return 'osc777';
	if (program === 'WezTerm' || env['WEZTERM_PANE']) return 'osc777';
	if (program === 'iTerm.app' || term === 'xterm-kitty' || env['KITTY_WINDOW_ID'] || env['WT_SESSION']) return 'osc9';
	return 'none';
}

/**
 * Text safe inside an OSC string: no control character (BEL or ESC would end or break the
 * sequence early), no `;` (OSC 777 separates its fields with it), at most MAX_TEXT characters.
 */
export function oscText(text: string): string {
	const safe = sanitizeForTerminal(text).replaceAll(';', ',');
	const characters = [...safe];
	return characters.length <= MAX_TEXT ? safe : characters.slice(0, MAX_TEXT - 1).join('') + '…';
}

/** The bytes of one nudge: the bell, then the notification when the protocol has one. */
export function nudgeBytes(protocol: NotifyProtocol, title: string, body: string): string {
	switch (protocol) {
		case 'osc9': {
			return `${BEL}${ESC}]9;${oscText(`${title}: ${body}`)}${BEL}`;
		}

		case 'osc777': {
			return `${BEL}${ESC}]777;notify;${oscText(title)};${oscText(body)}${BEL}`;
		}

		case 'none': {
			return BEL;
		}
	}
}
