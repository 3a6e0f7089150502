import {describe, expect, it} from 'vitest';
import {createLogUpdate} from '../../source/render/log-update.js';
import {frame, terminal} from './terminal.js';

describe('log-update', () => {
	it('given a prompt above, when frames change, then only the latest frame shows below the prompt', async () => {
		const t = terminal(40, 10);
		t.stream.write('$ modelarts-watch\n');
		const log = createLogUpdate(t.stream);
		log(frame('header', 'phase 1 ⠋', 'event a'));
		log(frame('header', 'phase 1 ⠙', 'event a', 'event b'));
		log(frame('header', 'phase 2', 'event b'));
		expect(await t.screen()).toEqual(['$ modelarts-watch', 'header', 'phase 2', 'event b']);
	});

	it('when a frame grows past the rows it had, then the new rows are added, not overwritten', async () => {
		const t = terminal(40, 10);
		const log = createLogUpdate(t.stream);
		log(frame('a'));
		log(frame('a', 'b', 'c'));
		log(frame('a', 'b', 'c', 'd'));
		expect(await t.screen()).toEqual(['a', 'b', 'c', 'd']);
	});

	it('when only one line changes, then the unchanged lines are not written again', async () => {
		const t = terminal(40, 10);
		const log = createLogUpdate(t.stream);
		log(frame('a long unchanged header line', 'timer 9s', 'a long unchanged footer line'));
		const before = t.written().length;
		log(frame('a long unchanged header line', 'timer 10s', 'a long unchanged footer line'));
		const update = t.written().slice(before);
		expect(update).toContain('timer 10s');
		expect(update).not.toContain('header');
		expect(update).not.toContain('footer');
		expect(await t.screen()).toEqual(['a long unchanged header line', 'timer 10s', 'a long unchanged footer line']);
	});

	it('when the same frame is rendered again, then nothing is written', () => {
		const t = terminal(40, 10);
		const log = createLogUpdate(t.stream);
		log(frame('a', 'b'));
		const before = t.written().length;
		expect(log(frame('a', 'b'))).toBe(false);
		expect(t.written().length).toBe(before);
	});

	it('when the terminal narrows and re-wraps the old frame, then clear leaves no ghost lines', async () => {
		const t = terminal(60, 12);
		t.stream.write('$ prompt\n');
		const log = createLogUpdate(t.stream);
		const wide = 'x'.repeat(50);
		log(frame('header', wide, wide, 'footer'));
		t.resize(20, 12);
		log.clear();
		log(frame('header', 'x'.repeat(18), 'footer'));
		expect(await t.screen()).toEqual(['$ prompt', 'header', 'x'.repeat(18), 'footer']);
	});

	it('when a frame would fill the screen, then it is cut to one row less so nothing scrolls', async () => {
		const t = terminal(30, 6);
		const log = createLogUpdate(t.stream);
		log(frame('header', 'a', 'b', 'c', 'd', 'e', 'f', 'g'));
		expect(await t.screen()).toEqual(['header', 'a', 'b', 'c', 'd']);
	});

	it('when the terminal gets shorter than the frame, then the next frame is drawn whole from the top', async () => {
		const t = terminal(30, 12);
		const log = createLogUpdate(t.stream);
		const rows = (tag: string, count: number) => Array.from({length: count}, (_, i) => `${tag} row ${i}`);
		log(frame('header', ...rows('old', 10)));
		t.resize(30, 6);
		log(frame('header', ...rows('old', 10)));
		log(frame('header', ...rows('new', 4)));
		expect(await t.screen()).toEqual(['header', ...rows('new', 4)]);
	});

	it('never clears the whole screen or the scrollback', () => {
		const t = terminal(30, 8);
		const log = createLogUpdate(t.stream);
		for (let i = 0; i < 50; i++) log(frame(`tick ${i}`, ...Array.from({length: i % 6}, (_, j) => `row ${j}`)));
		t.resize(20, 6);
		log.clear();
		log(frame('after resize'));
		expect(t.written()).not.toMatch(/\u001B\[[23]J/);
	});

	it('when suspended, the cursor shows below the frame and nothing is drawn; on resume the latest frame is drawn whole below the shell', async () => {
		const t = terminal(40, 12);
		const log = createLogUpdate(t.stream);
		log(frame('header', 'phase 1'));
		log.hold();
		expect(t.written().endsWith('\u001B[?25h')).toBe(true);
		const held = t.written().length;
		log(frame('header', 'phase 2'));
		expect(t.written().length).toBe(held);
		t.stream.write('[1]+  Stopped    modelarts-watch\n$ fg\n');
		log.repaint();
		expect(t.written().slice(held)).toContain('\u001B[?25l');
		expect(await t.screen()).toEqual(['header', 'phase 1', '[1]+  Stopped    modelarts-watch', '$ fg', 'header', 'phase 2']);
	});

	it('done() shows the cursor again and keeps the last frame', async () => {
		const t = terminal(30, 8);
		const log = createLogUpdate(t.stream);
		log(frame('final frame'));
		log.done();
		expect(t.written().endsWith('\u001B[?25h')).toBe(true);
		expect(await t.screen()).toEqual(['final frame']);
	});
});
