// The CLI against a server that streams gigabytes: it reports the size limit and keeps its
// peak memory far below what it was sent (VmHWM of the CLI process, not a timing).
import {afterEach, describe, expect, it} from 'vitest';
import {cleanEnv, spawnCli, waitFor} from '../cli/harness.js';
import {peakRssBytes, startEndlessServer, type EndlessServer} from './endless-body.js';

const GiB = 1024 ** 3;
const MB = 1_000_000;

describe('a server that streams a 4 GiB body', () => {
	let server: EndlessServer | null = null;
	afterEach(async () => {
		await server?.close();
		server = null;
	});

	it.skipIf(process.platform !== 'linux')('is cut at the 32 MiB limit, retried, and the CLI stays under 200 MB', async () => {
		// Given a server whose every answer is a 4 GiB body
		server = await startEndlessServer(4 * GiB);

		// When the CLI watches it in plain output
		const child = spawnCli(['svc-endless', '--endpoint', server.url, '--project-id', 'p', '--output', 'plain'], cleanEnv({MODELARTS_TOKEN: 'endless-token-123'}));
		let stderr = '';
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		try {
			// Then it says the answer is over the limit and which flag raises it, attempt after attempt
			await waitFor(() => /attempt 2\)/.test(stderr) || child.exitCode !== null);
			expect(stderr).toMatch(/^retrying in \d+s \(the answer from 127\.0\.0\.1:\d+ is over the 32 MiB limit \(--max-response-size\), attempt 1\)$/m);

			// And its peak memory stayed far below what a full read would take
			const peak = peakRssBytes(child.pid!);
			console.info(`peak RSS against a 4 GiB body: ${(peak / MB).toFixed(0)} MB; the server sent ${(server.sentBytes() / MB).toFixed(0)} MB in two attempts`);
			expect(peak).toBeLessThan(200 * MB);
			expect(server.sentBytes()).toBeLessThan(512 * MB);
		} finally {
			child.kill('SIGKILL');
		}
	}, 60_000);
});
