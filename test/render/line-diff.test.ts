import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {Chalk} from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {createLogUpdate} from '../../source/render/log-update.js';
import {frame, terminal, type EmojiWidths} from './terminal.js';

const ERASE_LINE = '\u001B[2K';
const chalk = new Chalk({level: 1});
// What Ink's output stage writes for a line (the minimal form of its codes).
const asInk = (line: string) => styledCharsToString(styledCharsFromTokens(tokenize(line)));

/** Draws `frames` in order on one terminal and only the last on a fresh one; returns both screens and the last update's bytes. */
async function drawn(frames: readonly string[], {columns = 40, rows = 24, emoji = '6' as EmojiWidths} = {}) {
	const updated = terminal(columns, rows, {emoji});
	const fresh = terminal(columns, rows, {emoji});
	for (const t of [updated, fresh]) t.stream.write('$ modelarts-watch a b\n');
	const log = createLogUpdate(updated.stream);
	let before = 0;
	for (const each of frames) {
		before = updated.written().length;
		log(each);
	}

	createLogUpdate(fresh.stream)(frames.at(-1)!);
	return {updated: await updated.looks(), fresh: await fresh.looks(), update: updated.written().slice(before), screen: await updated.screen()};
}

describe('log-update, within a line', () => {
	it.each([
		['a spinner glyph', `  ${chalk.cyan('⠋')} Image pulling   12s`, `  ${chalk.cyan('⠙')} Image pulling   12s`, 'Image'],
		['a digit in "updated 3s ago"', `${chalk.bold('total 46s')} · ${chalk.gray('updated 3s ago · next in 9s')}`, `${chalk.bold('total 46s')} · ${chalk.gray('updated 4s ago · next in 8s')}`, 'updated'],
		['the colour only', `status ${chalk.green('running')} 1/1`, `status ${chalk.red('running')} 1/1`, 'status'],
		['bold given up, dim kept', chalk.bold(chalk.dim('abcdef')) + ' x', chalk.dim('abcdef') + ' x', 'x'],
		['a digit after wide characters', '部署服务 ⠋ 12s · 进行中', '部署服务 ⠋ 13s · 进行中', '部署'],
		['a wide character for two narrow ones', 'ab中cd', 'abxycd', 'ab'],
		['a glyph before an emoji', '⠋ deploy 🚀 done', '⠙ deploy 🚀 done', 'deploy'],
		['trailing spaces kept', 'row a   ', 'row b   ', 'row'],
	])('when %s changes, then only the changed cells are written and the screen is as if drawn fresh', async (_what, before, after, unchangedText) => {
		// Given a frame on screen
		// When the next frame changes part of one line
		const {updated, fresh, update} = await drawn([frame('header', asInk(before), 'footer'), frame('header', asInk(after), 'footer')]);
		// Then the line is patched, not rewritten, and looks exactly like a fresh drawing
		expect(update).not.toContain(ERASE_LINE);
		expect(update).not.toContain(unchangedText);
		expect(updated).toEqual(fresh);
	});

	it.each([
		['the width changes', 'timer 9s ago · next', 'timer 10s ago · next'],
		['an emoji comes before the change', '🚀 deploy ⠋', '🚀 deploy ⠙'],
		['a combining accent follows the change', 'cafe\u0301 ok', 'cafa\u0301 ok'],
		['a variation selector follows the change', 'warn ⚠\uFE0F', 'warn ✔\uFE0F'],
		['the line holds a link', '\u001B]8;;https://x\u0007docs\u001B]8;;\u0007 ⠋', '\u001B]8;;https://x\u0007docs\u001B]8;;\u0007 ⠙'],
		['a colour is left open at the end', '\u001B[31mred ⠋', '\u001B[31mred ⠙'],
	])('when %s, then the line is rewritten whole and looks as if drawn fresh', async (_what, before, after) => {
		// Given a terminal that draws emoji one column wide, where counting them as two would misplace the cursor
		const {updated, fresh, update} = await drawn([frame('header', before, 'footer'), frame('header', after, 'footer')], {emoji: '6'});
		// Then the whole line is written again, and the screen is right
		expect(update).toContain(ERASE_LINE + after);
		expect(updated).toEqual(fresh);
	});

	it('when a line gets wider than the terminal, then the frame is redrawn whole, with no clear', async () => {
		const {updated, fresh, update} = await drawn([frame('header', 'row ⠋'), frame('header', `row ⠙ ${'x'.repeat(50)}`)], {columns: 30});
		expect(update).not.toMatch(/\u001B\[[23]J/);
		expect(update).toContain('header');
		expect(updated).toEqual(fresh);
	});

	it('when ten rows change their spinner glyph, then the update is a small part of rewriting them whole', async () => {
		// Given an overview-like frame of ten deploying rows
		const rows = (glyph: string) => Array.from({length: 10}, (_, i) => asInk(`   ${chalk.cyan(glyph)}  service-${i}       deploying 52%  Pull 20s   0/1   [TF 3.0.0] pulling model image`));
		const {updated, fresh, update} = await drawn([frame('header', ...rows('⠋'), 'footer'), frame('header', ...rows('⠙'), 'footer')], {columns: 120});
		// Then each row costs a cursor move and a glyph, not a line
		expect(Buffer.byteLength(update)).toBeLessThan(200);
		expect(updated).toEqual(fresh);
	});
});

// Realistic pieces of the view's lines.
const COLORS = [null, 'red', 'green', 'yellow', 'cyan', 'gray'] as const;
const certainPiece = fc.oneof(
	fc.stringMatching(/^[a-z0-9 .:%/]{1,8}$/),
	fc.constantFrom('⠋', '⠙', '⠹', '⠸', '|', '/', '-', '\\', '▸', '✔', '✖', '·', '›', '…', '█', '▞'),
	fc.constantFrom('0', '1', '7', '9', '10', '59s', '1m00s'),
	fc.constantFrom('部署', '中文', '한국어', '服务', 'ｶﾀｶﾅ', '（注）'),
	fc.constantFrom(' ', '  ', '   '),
);
/** Pieces whose width some terminals count differently from string-width, or that join neighbours. */
const unsurePiece = (emoji: EmojiWidths) => (emoji === '11' ? fc.constantFrom('🚀', '🎉', '✅', '🇩🇪', 'e\u0301') : fc.constantFrom('🚀', '🎉', '✅', 'e\u0301', '⚠\uFE0F'));

interface Run {
	readonly text: string;
	readonly color: (typeof COLORS)[number];
	readonly bold: boolean;
	readonly dim: boolean;
}

const styleOf = {color: fc.constantFrom(...COLORS), bold: fc.boolean(), dim: fc.boolean()};
const runOf = (emoji: EmojiWidths) => fc.record({text: fc.oneof({weight: 5, arbitrary: certainPiece}, {weight: 1, arbitrary: unsurePiece(emoji)}), ...styleOf});
const lineOf = (emoji: EmojiWidths) => fc.array(runOf(emoji), {maxLength: 6});

function styled(run: Run): string {
	let out = run.text;
	if (run.dim) out = chalk.dim(out);
	if (run.color) out = chalk[run.color](out);
	if (run.bold) out = chalk.bold(out);
	return out;
}

/** How the next frame's line comes from this frame's: most lines change a little, as a ticking view's do. */
const editOf = (emoji: EmojiWidths) =>
	fc.oneof(
		fc.record({kind: fc.constant('keep' as const)}),
		fc.record({kind: fc.constant('text' as const), at: fc.nat(), run: runOf(emoji)}),
		fc.record({kind: fc.constant('style' as const), at: fc.nat(), ...styleOf}),
		fc.record({kind: fc.constant('line' as const), runs: lineOf(emoji)}),
	);
type Edit = typeof editOf extends (emoji: EmojiWidths) => fc.Arbitrary<infer E> ? E : never;

function edited(runs: readonly Run[], edit: Edit, at = edit.kind === 'text' || edit.kind === 'style' ? edit.at % Math.max(1, runs.length) : 0): Run[] {
	if (edit.kind === 'line') return edit.runs;
	if (edit.kind === 'keep' || at >= runs.length) return [...runs];
	const changed = edit.kind === 'text' ? {...runs[at]!, text: edit.run.text} : {...runs[at]!, color: edit.color, bold: edit.bold, dim: edit.dim};
	return runs.map((run, index) => (index === at ? changed : run));
}

/** A first frame: random lines, or the rows of a table (the same runs first, then each its own), as the overview's are. */
const firstFrameOf = (emoji: EmojiWidths) =>
	fc.oneof(
		fc.array(lineOf(emoji), {minLength: 1, maxLength: 7}),
		fc.tuple(lineOf(emoji), fc.array(lineOf(emoji), {minLength: 1, maxLength: 7})).map(([head, tails]) => tails.map(tail => [...head, ...tail])),
	);

/** The next frame: each line edited on its own, or the same run of every line changed alike (a column of spinners). */
const stepOf = (emoji: EmojiWidths) =>
	fc.oneof(
		fc.array(editOf(emoji), {minLength: 1, maxLength: 8}),
		fc.record({column: fc.nat({max: 5}), edit: editOf(emoji)}),
	);
type Step = typeof stepOf extends (emoji: EmojiWidths) => fc.Arbitrary<infer S> ? S : never;

function stepped(lines: ReadonlyArray<readonly Run[]>, step: Step): Run[][] {
	if (Array.isArray(step)) return step.map((edit: Edit, index: number) => edited(lines[index] ?? [], edit));
	const {column, edit} = step as {column: number; edit: Edit};
	return lines.map(runs => edited(runs, edit, column));
}

describe('log-update, property: updating a frame looks exactly like drawing it fresh', () => {
	it.each([
		['two columns wide (Unicode 11), lines up to wider than the terminal', '11', 60],
		['one column wide (Unicode 6), lines that fit', '6', 40],
	] as const)('on a terminal drawing emoji %s', async (_what, emoji, widest) => {
		const frames = fc.record({
			first: firstFrameOf(emoji),
			steps: fc.array(stepOf(emoji), {minLength: 1, maxLength: 3}),
			// Lines as chalk writes them, or in the minimal form Ink's output stage writes.
			inkForm: fc.boolean(),
		});
		await fc.assert(
			fc.asyncProperty(frames, async ({first, steps, inkForm}) => {
				// Given frames built from SGR-coloured, bold and dim runs of ASCII, glyphs, CJK, emoji and spaces
				const sequence = [first];
				for (const step of steps) sequence.push(stepped(sequence.at(-1)!, step));
				const text = (runs: readonly Run[]) => runs.map(run => styled(run)).join('');
				const fit = (runs: readonly Run[]) => {
					const kept = [...runs];
					while (stringWidth(text(kept)) > widest) kept.pop();
					return kept;
				};
				const written = sequence.map(lines => frame(...lines.map(runs => text(fit(runs))).map(each => (inkForm ? asInk(each) : each))));
				// When they are drawn one after the other, and the last one is drawn on a fresh terminal
				const {updated, fresh} = await drawn(written, {columns: 40, rows: 24, emoji});
				// Then every cell, its colour, bold and dim, and the cursor are the same
				expect(updated).toEqual(fresh);
			}),
			{numRuns: 200},
		);
	});
});
