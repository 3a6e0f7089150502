// An unknown flag is a usage error in our own words: which flag, the real flag it most likely
// meant, and where to read the rest. Checked before meow parses, which would otherwise print
// its own terse line and exit.

/** What a flag takes: a string flag consumes the next word as its value when not given `=VALUE`. */
export type FlagSpecs = Readonly<Record<string, {readonly type: 'string' | 'boolean'; readonly shortFlag?: string}>>;

const kebab = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/** Optimal string alignment distance: edits, with a swap of two neighbours as one edit ("--itnerval"). */
function editDistance(a: string, b: string): number {
	const rows = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
			rows[i]![j] = best;
		}
	}
	return rows[a.length]![b.length]!;
}

/** The real flag nearest to `name`, when it is close enough to be a typo (a third of its length at most). */
export function nearestFlag(name: string, known: readonly string[]): string | null {
	const typed = name.toLowerCase();
	let best: {readonly flag: string; readonly distance: number} | null = null;
	for (const flag of known) {
		// "servicename" for "service-name": a dash left out is a typo too.
		const distance = Math.min(editDistance(typed, flag), editDistance(typed.replaceAll('-', ''), flag.replaceAll('-', '')));
		if (best === null || distance < best.distance) best = {flag, distance};
	}

	return best !== null && best.distance <= Math.max(1, Math.floor(best.flag.length / 3)) ? best.flag : null;
}

function takesValue(next: string | undefined): boolean {
	return next !== undefined && (!next.startsWith('-') || /^-\d+(?:\.\d+)?$/.test(next));
}

/** The first flag of `argv` that `specs` does not know (`--no-X` counts for a boolean X), or null. */
export function findUnknownFlag(argv: readonly string[], specs: FlagSpecs): string | null {
	const longNames = new Map(Object.entries(specs).map(([name, spec]) => [kebab(name), spec]));
	const shortNames = new Set(Object.values(specs).flatMap(spec => (spec.shortFlag ? [spec.shortFlag] : [])));
	for (let index = 0; index < argv.length; index++) {
		const word = argv[index]!;
		if (word === '--') return null;
		if (!word.startsWith('-') || word === '-') continue;
		if (!word.startsWith('--')) {
			if (!shortNames.has(word.slice(1))) return word;
			continue;
		}

		const name = word.slice(2).split('=')[0]!;
		const spec = longNames.get(name) ?? (name.startsWith('no-') && longNames.get(name.slice(3))?.type === 'boolean' ? longNames.get(name.slice(3)) : undefined);
		if (spec === undefined) return `--${name}`;
		// A string flag's value is the next word, unless that reads as a flag (as meow reads it: "-1" is a value).
		if (spec.type === 'string' && !word.includes('=') && takesValue(argv[index + 1])) index++;
	}

	return null;
}

/** The flag `--name` most likely meant; `--no-X` is matched against the boolean flags. */
function suggestionFor(name: string, specs: FlagSpecs): string | null {
	const flags = Object.entries(specs);
	if (name.startsWith('no-')) {
		const booleans = flags.filter(([, spec]) => spec.type === 'boolean').map(([flag]) => kebab(flag));
		const negated = nearestFlag(name.slice(3), booleans);
		if (negated !== null) return `no-${negated}`;
	}

	return nearestFlag(name, flags.map(([flag]) => kebab(flag)));
}

/** `unknown flag --intervall: did you mean --interval?`, or null when every flag is known. */
export function unknownFlagMessage(argv: readonly string[], specs: FlagSpecs): string | null {
	const flag = findUnknownFlag(argv, specs);
	if (flag === null) return null;
	const suggestion = flag.startsWith('--') ? suggestionFor(flag.slice(2), specs) : null;
	return `unknown flag ${flag}${suggestion === null ? '' : `: did you mean --${suggestion}?`}`;
}
