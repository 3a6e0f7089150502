// IAM tokens ("MII…") are base64 CMS envelopes around the same JSON the IAM token call
// returns. Reading the project id out of it saves an IAM round trip (and an IAM permission)
// when only MODELARTS_TOKEN is set. Any surprise simply yields null and the caller asks IAM.

const PROJECT_ID = /^[\w-]{1,64}$/;

/** The project id inside a PKI token's embedded body, or null when it cannot be read. */
export function projectIdFromToken(token: string): string | null {
	if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(token)) {
		return null;
	}

	const decoded = Buffer.from(token.replaceAll('-', '/').replaceAll('_', '/'), 'base64').toString('latin1');
	const start = decoded.indexOf('"project"');
	if (start < 0) {
		return null;
	}

	const objectText = balancedObjectAfter(decoded, start);
	if (!objectText) {
		return null;
	}

	try {
		const project = JSON.parse(objectText) as {id?: unknown};
		return typeof project.id === 'string' && PROJECT_ID.test(project.id) ? project.id : null;
	} catch {
		return null;
	}
}

function balancedObjectAfter(text: string, from: number): string | null {
	const open = text.indexOf('{', from);
	if (open < 0) {
		return null;
	}

	let depth = 0;
	let inString = false;
	for (let index = open; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') {
				index++;
			} else if (char === '"') {
				inString = false;
			}
		} else if (char === '"') {
			inString = true;
		} else if (char === '{') {
			depth++;
		} else if (char === '}' && --depth === 0) {
			return text.slice(open, index + 1);
		}
	}

	return null;
}
