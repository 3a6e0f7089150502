// Ids the simulator makes up (services of extra scenarios, model versions, pools) must be
// the same on every run, so tests and scripts can name them: derive them from a seed.

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** A UUID-shaped (version 4 layout) id derived from `seed`. */
export function stableId(seed: string): string {
	let hex = '';
	for (let round = 0; hex.length < 32; round++) hex += fnv1a(`${round}:${seed}`).toString(16).padStart(8, '0');
	const variant = '89ab'[Number.parseInt(hex[16] ?? '0', 16) % 4] ?? '8';
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
