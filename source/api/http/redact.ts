// Secrets must never reach a log line or an error message: not the token, not the AK/SK
// signature, not a password in a URL. These helpers blank them before anything is printed.
import {maskFragments} from '../../secrets.js';

const SECRET_QUERY = /token|sign|secret|password|passwd|key|credential|^ak$|^sk$/i;
/** v2 query names that merely contain "key": a sort field and a text filter, never secrets. */
const PLAIN_QUERY = new Set(['sort_key', 'event_info_key']);

/** The URL without user info and with secret-looking query values replaced by ***. */
export function redactUrl(href: string): string {
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return '(invalid URL)';
	}

	url.username = '';
	url.password = '';
	for (const name of [...url.searchParams.keys()]) {
		if (SECRET_QUERY.test(name) && !PLAIN_QUERY.has(name)) {
			url.searchParams.set(name, '***');
		}
	}

	return url.href;
}

/**
 * `text` with every credential fragment replaced by ***. Header values are split into
 * words so that an AK inside "Access=AK…, Signature=…" is caught even if echoed alone.
 */
export function scrubSecrets(text: string, headerValues: readonly string[]): string {
	const fragments = new Set<string>();
	for (const value of headerValues) {
		fragments.add(value.trim());
		for (const word of value.split(/[\s,=]+/)) {
			fragments.add(word);
		}
	}

	// Short words ("Access", "SDK-HMAC-SHA256") are not secret and would mask ordinary text.
	return maskFragments(text, [...fragments].filter(fragment => fragment.length >= 12));
}
