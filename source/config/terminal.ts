// Output mode, colour and glyph set: decided from flags plus what the terminal and the
// environment say, with the usual conventions (CI, NO_COLOR, FORCE_COLOR, locale, TERM=dumb).
import {choiceMessage, FLAG_CHOICES} from './choices.js';
import {ConfigError} from './errors.js';
import type {OutputMode, RawFlags} from './types.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * In CI, by the rule Ink itself applies (its is-in-ci): CI or CONTINUOUS_INTEGRATION set to
 * anything but 0 or false, an empty value included. Ink in CI writes only its last frame, so
 * a live view chosen under a looser rule would show nothing until the watch ends.
 */
export function isInCi(env: Env): boolean {
	return ['CI', 'CONTINUOUS_INTEGRATION'].some(name => env[name] !== undefined && env[name] !== '0' && env[name] !== 'false');
}

/** --output / --json; auto = tty on a terminal outside CI, plain otherwise. */
export function resolveOutput(flags: RawFlags, env: Env, stdoutIsTTY: boolean): OutputMode {
	const requested = flags.output ?? (flags.json ? 'json' : 'auto');
	if (!(FLAG_CHOICES.output as readonly string[]).includes(requested)) {
		throw new ConfigError(choiceMessage('output', requested, FLAG_CHOICES.output));
	}

	if (flags.json && requested !== 'json') {
		throw new ConfigError(`--json conflicts with --output ${requested}: use one of them.`);
	}

	if (requested === 'tty' && !stdoutIsTTY) {
		throw new ConfigError('--output tty needs a terminal on standard output: use --output plain or --output json.');
	}

	if (requested === 'auto') {
		return stdoutIsTTY && !isInCi(env) ? 'tty' : 'plain';
	}

	return requested as OutputMode;
}

/** --color/--no-color, then FORCE_COLOR (0 disables), then NO_COLOR, then "is it a terminal". */
export function resolveColor(flags: RawFlags, env: Env, stdoutIsTTY: boolean, output: OutputMode): boolean {
	if (output === 'json') {
		return false;
	}

	if (flags.color !== undefined) {
		return flags.color;
	}

	const force = env['FORCE_COLOR'];
	if (force !== undefined) {
		return force !== '0' && force !== 'false';
	}

	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') {
		return false;
	}

	return stdoutIsTTY && env['TERM'] !== 'dumb';
}

/** --ascii/--no-ascii, else ASCII when TERM=dumb or the locale is not UTF-8. */
export function resolveAscii(flags: RawFlags, env: Env): boolean {
	if (flags.ascii !== undefined) {
		return flags.ascii;
	}

	if (env['TERM'] === 'dumb') {
		return true;
	}

	const locale = [env['LC_ALL'], env['LC_CTYPE'], env['LANG']].find(value => value !== undefined && value !== '');
	// An unset locale is the C locale, which is not UTF-8.
	return !/utf-?8/i.test(locale ?? '');
}
