import {Buffer} from 'node:buffer';
import {describe, expect, it} from 'vitest';
import {createLineWriter, PIPE_ATOMIC_BYTES, type LineSink} from '../../source/cli/line-writer.js';

/** A sink that completes each write only when the test says so, like a pipe nobody reads. */
function heldSink() {
	const writes: string[] = [];
	const pending: Array<() => void> = [];
	let inFlight = 0;
	let mostInFlight = 0;
	const sink: LineSink = {
		write(chunk, callback) {
			writes.push(chunk);
			mostInFlight = Math.max(mostInFlight, ++inFlight);
			pending.push(() => {
				inFlight--;
				callback();
			});
			return true;
		},
	};
	/** Lets every write so far (and those they start) complete. */
	const drain = async () => {
		while (pending.length > 0) {
			pending.shift()!();
			await Promise.resolve();
		}
	};

	return {sink, writes, drain, mostInFlight: () => mostInFlight};
}

const settle = () => new Promise(resolve => setTimeout(resolve, 0));

describe('createLineWriter', () => {
	it('writes whole lines only, at most 4096 bytes a write (a longer line alone), one write at a time', async () => {
		// Given lines of many sizes, multi-byte characters among them, one longer than a pipe's atomic size
		const {sink, writes, drain, mostInFlight} = heldSink();
		const writer = createLineWriter(sink);
		const lines = Array.from({length: 500}, (_, index) => `{"n":${index},"text":"${'é'.repeat(index % 97)}"}`);
		lines.splice(250, 0, 'x'.repeat(10_000));

		// When they are written in one turn and the sink drains
		for (const line of lines) writer.write(line);
		await settle();
		await drain();
		await writer.idle();

		// Then every write ends on a newline and fits the atomic size unless it is one long line
		for (const chunk of writes) {
			expect(chunk.endsWith('\n')).toBe(true);
			const bytes = Buffer.byteLength(chunk);
			if (bytes > PIPE_ATOMIC_BYTES) expect(chunk.split('\n')).toHaveLength(2);
		}

		expect(writes.join('')).toBe(lines.map(line => `${line}\n`).join(''));
		expect(mostInFlight()).toBe(1);
		expect(writes.length).toBeLessThan(lines.length / 5);
	});

	it('holds the reader of drained() while more than the limit waits, and lets it go once the lines are out', async () => {
		// Given a writer that pauses above 10 kB and a sink that has taken nothing yet
		const {sink, drain} = heldSink();
		const writer = createLineWriter(sink, 10_000);
		for (let index = 0; index < 100; index++) writer.write('y'.repeat(199));
		let drained = false;
		void writer.drained().then(() => (drained = true));

		// When nothing is read, then when everything is
		await settle();
		const whileFull = drained;
		await drain();
		await settle();

		// Then drained() resolved only after the sink took the lines
		expect(whileFull).toBe(false);
		expect(drained).toBe(true);
		await expect(writer.drained()).resolves.toBeUndefined();
	});
});
