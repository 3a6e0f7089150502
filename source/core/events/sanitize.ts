// Event text comes from the server and is untrusted: a hostile or broken text must never
// move the cursor, recolour the screen, set the window title or reorder what follows it.
// Everything that a terminal would interpret is replaced by a visible stand-in.

/** Any code unit a terminal may act on, plus bidi overrides and lone surrogates. */
const UNSAFE =
	/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const REPLACEMENT = '\ufffd';

function unicodeStandIn(char: string): string {
	const code = char.charCodeAt(0);
	if (char === '\u001b') return '\u241b'; // ␛
	if (char === '\r' || char === '\n' || char === '\u2028' || char === '\u2029') return '\u23ce'; // ⏎
	if (char === '\t') return ' ';
	// C0 controls have their own "control pictures" at U+2400 + code (␀ … ␟), DEL is ␡.
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	return REPLACEMENT;
}

/**
 * Make untrusted text safe to write to a terminal: no C0/C1 control, DEL, escape sequence
 * introducer, line break or bidi override survives; each becomes a visible symbol (␛, ⏎,
 * control pictures, �). Tabs become a space. Zero-width joiners and all printable text stay.
 */
export function sanitizeForTerminal(text: string): string {
	UNSAFE.lastIndex = 0;
	if (!UNSAFE.test(text)) return text;
	UNSAFE.lastIndex = 0;
	return text.replace(UNSAFE, unicodeStandIn);
}

/** Everything outside printable ASCII, for terminals that cannot show Unicode at all. */
const NOT_PRINTABLE_ASCII = /[^\u0020-\u007e]/g;

function asciiStandIn(char: string): string {
	const code = char.charCodeAt(0);
	if (char === '\t') return ' ';
	if (char === '\r' || char === '\n') return '^J';
	// Caret notation, as `cat -v` shows controls: ESC is ^[, DEL is ^?.
	if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
	if (code === 0x7f) return '^?';
	return '?';
}

/**
 * The `--ascii` variant: controls in caret notation (`^[`, `^J`, `^?`), and every other
 * non-ASCII character (including C1 controls and bidi overrides) as `?`.
 */
export function sanitizeForAsciiTerminal(text: string): string {
	NOT_PRINTABLE_ASCII.lastIndex = 0;
	if (!NOT_PRINTABLE_ASCII.test(text)) return text;
	NOT_PRINTABLE_ASCII.lastIndex = 0;
	return text.replace(NOT_PRINTABLE_ASCII, asciiStandIn);
}
