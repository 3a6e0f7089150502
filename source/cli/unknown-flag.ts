// An unknown flag is a usage error in our own words: which flag, the real flag it most likely
// meant, and (from cli.tsx) where to read the rest.
import type {FlagSpec} from './read-flags.js';

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

/** The known name (a flag, a scenario) nearest to `name`, when it is close enough to be a typo (a third of its length at most). */
export function nearestName(name: string, known: readonly string[]): string | null {
	const typed = name.toLowerCase();
	let best: {readonly flag: string; readonly distance: number} | null = null;
	for (const flag of known) {
		// "servicename" for "service-name": a dash left out is a typo too.
		const distance = Math.min(editDistance(typed, flag), editDistance(typed.replaceAll('-', ''), flag.replaceAll('-', '')));
		if (best === null || distance < best.distance) best = {flag, distance};
	}

	return best !== null && best.distance <= Math.max(1, Math.floor(best.flag.length / 3)) ? best.flag : null;
}

/** The flag `--name` most likely meant; `--no-X` is matched against the boolean flags. */
function suggestionFor(name: string, specs: Readonly<Record<string, FlagSpec>>): string | null {
	const flags = Object.entries(specs);
	if (name.startsWith('no-')) {
		const booleans = flags.filter(([, spec]) => spec.type === 'boolean').map(([flag]) => kebab(flag));
		const negated = nearestName(name.slice(3), booleans);
		if (negated !== null) return `no-${negated}`;
	}

	return nearestName(name, flags.map(([flag]) => kebab(flag)));
}

/** `unknown flag --intervall: did you mean --interval?` for a flag `specs` does not know. */
export function unknownFlagMessage(flag: string, specs: Readonly<Record<string, FlagSpec>>): string {
	const suggestion = flag.startsWith('--') ? suggestionFor(flag.slice(2), specs) : null;
	return `unknown flag ${flag}${suggestion === null ? '' : `: did you mean --${suggestion}?`}`;
}
