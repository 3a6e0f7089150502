import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {Chalk} from 'chalk';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {normaliseSgrLine} from '../../source/render/sgr-line.js';

// What Ink's output stage writes for a line: the library the painted first frame stands in for.
const asInk = (line: string) => styledCharsToString(styledCharsFromTokens(tokenize(line)));

const COLORS = ['red', 'green', 'yellow', 'cyan', 'gray', 'magenta'] as const;

interface Run {
	readonly text: string;
	readonly bold: boolean;
	readonly dim: boolean;
	readonly color: (typeof COLORS)[number] | null;
	readonly inner: readonly Run[];
}

// Styled the way Ink's <Text> styles its children: dim, then the colour, then bold.
function styled(chalk: InstanceType<typeof Chalk>, run: Run): string {
	let out = run.text + run.inner.map(inner => styled(chalk, inner)).join('');
	if (out === '') return out;
	if (run.dim) out = chalk.dim(out);
	if (run.color) out = chalk[run.color](out);
	if (run.bold) out = chalk.bold(out);
	return out;
}

const text = fc.stringMatching(/^[ a-z·…←→✔]{0,6}$/);
const style = {bold: fc.boolean(), dim: fc.boolean(), color: fc.constantFrom(null, ...COLORS)};
/** Runs nested up to `depth` levels, as SegmentLine nests <Text>s (and deeper). */
const runOf = (depth: number): fc.Arbitrary<Run> =>
	fc.record({text, ...style, inner: depth === 0 ? fc.constant([]) : fc.array(runOf(depth - 1), {maxLength: 3})});
const run = runOf(3);

describe('normaliseSgrLine', () => {
	it.each([1, 3])('writes any nesting of bold, dim and colours as Ink does (chalk level %i)', level => {
		const chalk = new Chalk({level: level as 1 | 3});
		fc.assert(
			fc.property(fc.array(run, {maxLength: 4}), runs => {
				const line = runs.map(each => styled(chalk, each)).join('');
				expect(normaliseSgrLine(line)).toBe(asInk(line));
			}),
		);
	});

	it.each([
		['a 256-colour code', '\u001B[38;5;202mx\u001B[39m'],
		['a link', '\u001B]8;;http://x\u0007x\u001B]8;;\u0007'],
		['a wide character', '\u001B[1m部署\u001B[22m'],
		['a cursor move', 'a\u001B[2Kb'],
	])('leaves %s to Ink', (_what, line) => {
		expect(normaliseSgrLine(line)).toBeNull();
	});
});
