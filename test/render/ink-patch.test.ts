// The patched Ink (patches/ink+6.8.0.patch, applied by `npm install`), as tests, development
// runs and the bundle all load it. Run in a child node: Ink decides at load whether it runs
// in CI (where it draws no frames), and this process may have CI set.
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';

const SCRIPT = `
import React from 'react';
import {render, Text} from 'ink';
import {EventEmitter} from 'node:events';
const stdout = Object.assign(new EventEmitter(), {isTTY: true, columns: 40, rows: 4, written: '', write(chunk) { this.written += chunk; return true; }});
const frames = [];
const logUpdate = {create: () => Object.assign(text => { frames.push(text); return true; }, {clear() {}, done() {}, sync() {}, setCursorPosition() {}, isCursorDirty: () => false, willRender: () => true})};
const lines = count => React.createElement(Text, null, Array.from({length: count}, (_, i) => 'line ' + i).join('\\n'));
const app = render(lines(6), {stdout, stdin: new EventEmitter(), logUpdate, patchConsole: false, exitOnCtrlC: false, maxFps: 1000});
await new Promise(resolve => setTimeout(resolve, 20));
app.rerender(lines(2));
await new Promise(resolve => setTimeout(resolve, 20));
app.unmount();
process.stdout.write(JSON.stringify({frames, written: stdout.written}));
`;

function runInk(): {frames: string[]; written: string} {
	const output = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {encoding: 'utf8', env: {PATH: process.env['PATH']}});
	return JSON.parse(output) as {frames: string[]; written: string};
}

describe('the patched Ink', () => {
	const {frames, written} = runInk();

	it('draws every frame through the log-update it is given', () => {
		expect(frames[0]).toContain('line 5');
		expect(frames.at(-1)).toContain('line 1');
		expect(frames.at(-1)).not.toContain('line 5');
	});

	it('never clears the screen or the scrollback, even after a frame as tall as the terminal', () => {
		expect(written).not.toMatch(/\u001B\[[23]J|\u001Bc/);
	});
});
