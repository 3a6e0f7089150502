// Reads `--flag value`, `--flag=value`, `--no-flag` and positionals with node:util's
// parseArgs, against a table of flag names and types. It replaced meow, whose dependencies
// took ~30 ms to load on every start: more than node itself takes to start, and the
// painted first frame waits for the flags.
import {parseArgs} from 'node:util';

/** A flag's type, its one-letter alias if it has one, and whether it may be given more than once. */
export interface FlagSpec {
	readonly type: 'string' | 'boolean';
	readonly shortFlag?: string;
	/** Every value is kept, in order (a string flag read as a list); otherwise the last one wins. */
	readonly multiple?: boolean;
	/** `--flag=` (an empty value) is allowed: it stands for the flag given without one. */
	readonly emptyAllowed?: boolean;
}

/** A flag's value: a string, a boolean, or the list of a multiple flag. */
export type FlagValue = string | boolean | readonly string[];

/** The flags read, by their camelCase name; the positionals; or what was wrong (and which flag, when unknown). */
export type ReadFlags =
	| {readonly ok: true; readonly flags: Readonly<Record<string, FlagValue>>; readonly input: readonly string[]}
	| {readonly ok: false; readonly message: string; readonly unknown?: string};

const kebab = (name: string) => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The value of a boolean flag written `--flag=true` or `--flag=false`; null for anything else. */
function booleanValue(value: string | undefined): boolean | null {
	if (value === undefined) return true;
	if (value === 'true') return true;
	if (value === 'false') return false;
	return null;
}

/**
 * Reads `argv` against `table` (camelCase names; `--kebab-case` on the command line). A
 * later flag wins over an earlier one; `--no-flag` sets a boolean to false, and a boolean
 * also takes `=true` or `=false`.
 */
export function readFlags(argv: readonly string[], table: Readonly<Record<string, FlagSpec>>): ReadFlags {
	// `--project-id`, and `--projectId` as meow (which this replaced) also read it.
	const options = Object.fromEntries(
		Object.entries(table).flatMap(([name, spec]) => [
			[kebab(name), spec.shortFlag ? {type: spec.type, short: spec.shortFlag} : {type: spec.type}],
			...(kebab(name) === name ? [] : [[name, {type: spec.type}]]),
		]),
	);
	let tokens;
	try {
		({tokens} = parseArgs({args: [...argv], options, strict: false, allowPositionals: true, tokens: true}));
	} catch (error) {
		return {ok: false, message: error instanceof Error ? error.message : String(error)};
	}

	const flags: Record<string, FlagValue> = {};
	const input: string[] = [];
	for (const token of tokens) {
		if (token.kind === 'positional') {
			input.push(token.value);
			continue;
		}

		if (token.kind !== 'option') continue;
		const name = camel(token.name);
		const negated = name.startsWith('no') && table[name] === undefined ? name.charAt(2).toLowerCase() + name.slice(3) : null;
		const spec = table[negated ?? name];
		if (spec === undefined || (negated !== null && (spec.type !== 'boolean' || token.value !== undefined))) {
			return {ok: false, message: `unknown flag ${token.rawName}`, unknown: token.rawName};
		}

		if (spec.type === 'string') {
			if (token.value === undefined || (token.value === '' && spec.emptyAllowed !== true)) return {ok: false, message: `${token.rawName} needs a value`};
			// `--service-name --once` took the next flag for the value: the value was forgotten.
			if (!token.inlineValue && token.value.startsWith('--')) {
				return {ok: false, message: `${token.rawName} needs a value, but the word after it is the flag ${token.value} (write ${token.rawName}=VALUE for a value starting with --)`};
			}

			const earlier = flags[name];
			flags[name] = spec.multiple ? [...(Array.isArray(earlier) ? earlier : []), token.value] : token.value;
			continue;
		}

		const value = booleanValue(token.value);
		if (value === null) return {ok: false, message: `${token.rawName} takes no value (or true/false), not ${JSON.stringify(token.value)}`};
		flags[negated ?? name] = negated === null ? value : false;
	}

	return {ok: true, flags, input};
}
