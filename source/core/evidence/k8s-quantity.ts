// Kubernetes resource quantities as the pool APIs send them (modelarts-api-evidence.md §12.4,
// §12.5): "3920m" CPU, "6270Mi" memory, "8" GPUs, and sometimes a bare JSON number. A unit
// we do not know reads as null rather than as a guess: a wrong capacity would accuse the pool.

const SUFFIXES: Readonly<Record<string, number>> = {
	'': 1,
	m: 1e-3,
	k: 1e3,
	M: 1e6,
	G: 1e9,
	T: 1e12,
	P: 1e15,
	E: 1e18,
	Ki: 2 ** 10,
	Mi: 2 ** 20,
	Gi: 2 ** 30,
	Ti: 2 ** 40,
	Pi: 2 ** 50,
	Ei: 2 ** 60,
};

/** Sign, digits with an optional fraction, an optional decimal exponent, then the unit. */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+))?([a-zA-Z]*)$/;

/** The value of a quantity in base units (cores, bytes, devices), or null when unusable. */
export function parseQuantity(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
	if (typeof value !== 'string') return null;
	const match = QUANTITY.exec(value.trim());
	if (!match) return null;
	const [, digits = '', exponent, unit = ''] = match;
	// "1e3" has an exponent and no unit; "1E" alone is the exa suffix, and "2e3Mi" is not a quantity.
	if (exponent !== undefined && unit !== '') return null;
	const scale = SUFFIXES[unit];
	if (scale === undefined) return null;
	const amount = Number(digits) * scale * 10 ** Number(exponent ?? 0);
	return Number.isFinite(amount) && amount >= 0 ? amount : null;
}
