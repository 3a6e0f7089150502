// A fast 64-bit fingerprint of a text, for identities and comparisons that must not keep
// the text itself (event keys at 100k events; environment values that may be secrets).

/** 64 bits of two independent multiplicative hashes, in base 36. Not cryptographic. */
export function textHash(text: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x9747b28c ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ code, 0x01000193);
		h2 = Math.imul(h2 ^ code, 0x5bd1e995);
		h2 ^= h2 >>> 15;
	}
	return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36).padStart(7, '0');
}
