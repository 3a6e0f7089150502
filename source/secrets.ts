// One process-wide list of secrets so that every path to the terminal (errors, --debug lines,
// crash reports) can scrub them with the same `redact`, whatever module produced the text.

const MASK = '***';
/** Shorter values would match ordinary text everywhere and hide nothing worth hiding. */
const MIN_SECRET_LENGTH = 4;

const secrets = new Set<string>();

/** Remembers a credential (token, SK, password, proxy password) so `redact` hides it. */
export function registerSecret(value: string | null | undefined): void {
	if (!value || value.length < MIN_SECRET_LENGTH) {
		return;
	}

	// The same secret may be printed as-is, inside JSON, or inside a URL.
	for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) {
		secrets.add(form);
	}
}

const SECRET_HEADERS = 'x-auth-token|x-subject-token|x-security-token|proxy-authorization|authorization';
const SECRET_FIELDS = `${SECRET_HEADERS}|password|secret|sk|secret_key|security_token`;

// `"password": "…"`, `'x-auth-token': '…'`, `password="…"` (quoted values, JSON or code).
const QUOTED_FIELD = new RegExp(String.raw`(["']?\b(?:${SECRET_FIELDS})["']?\s*[:=]\s*)(["'])(?:\\.|(?!\2)[^\\])*\2`, 'gi');
// `X-Auth-Token: …` up to the end of the line, as in a header dump.
const HEADER_LINE = new RegExp(String.raw`\b(${SECRET_HEADERS})(\s*:\s*)(?!["'])[^\r\n]+`, 'gi');
// `password=hunter2` or `password: hunter2` (query strings, YAML).
const BARE_FIELD = /\b(password|secret_key|security_token)(\s*[:=]\s*)(?!["'*])[^\s,;&]+/gi;
// `http://user:pass@proxy:3128`.
const URL_USERINFO = /(\b[a-z][a-z\d+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi;

/** `text` with every occurrence of each fragment replaced by ***. */
export function maskFragments(text: string, fragments: Iterable<string>): string {
	let result = text;
	// Longest first, so a fragment that contains another is replaced whole.
	for (const fragment of [...fragments].sort((a, b) => b.length - a.length)) {
		result = result.split(fragment).join(MASK);
	}

	return result;
}

/** Replaces registered secrets and anything that looks like a credential value with ***. */
export function redact(text: string): string {
	return maskFragments(text, secrets)
		.replace(QUOTED_FIELD, `$1$2${MASK}$2`)
		.replace(HEADER_LINE, `$1$2${MASK}`)
		.replace(BARE_FIELD, `$1$2${MASK}`)
		.replace(URL_USERINFO, `$1${MASK}@`);
}
