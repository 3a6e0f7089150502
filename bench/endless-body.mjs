// Peak RSS of the CLI against a hostile server whose every answer is a 4 GiB body: the
// body size limit (32 MiB by default) must keep it near its usual footprint.
import {spawn} from 'node:child_process';
import {importTypeScript} from './sim.mjs';
import {CLI} from './startup.mjs';
import {formatBytes, result} from './stats.mjs';

const GiB = 1024 ** 3;
const ATTEMPTS = 3;

export async function measureEndlessBody() {
	const {startEndlessServer, peakRssBytes} = await importTypeScript("export * from './test/e2e/endless-body.ts';");
	const server = await startEndlessServer(4 * GiB);
	const child = spawn(process.execPath, [CLI, 'svc-endless', '--endpoint', server.url, '--project-id', 'p', '--output', 'plain'], {
		env: {PATH: process.env.PATH, TZ: 'UTC', MODELARTS_TOKEN: 'endless-token-123'},
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	try {
		// Each over-limit answer ends in a "retrying … attempt N" line on stderr.
		await new Promise((resolve, reject) => {
			let stderr = '';
			const timer = setTimeout(() => reject(new Error(`no attempt ${ATTEMPTS} within 60 s: ${stderr.slice(-200)}`)), 60_000);
			child.stderr.setEncoding('utf8').on('data', (chunk) => {
				stderr += chunk;
				if (stderr.includes(`attempt ${ATTEMPTS})`)) {
					clearTimeout(timer);
					resolve();
				}
			});
			child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr.slice(-200)}`)));
		});
		const peak = peakRssBytes(child.pid);
		return result('peak RSS, server streaming 4 GiB bodies', `peak ${formatBytes(peak)}`, '< 200 MB', peak < 200 * 1024 * 1024, `${ATTEMPTS} answers cut at 32 MiB; server sent ${formatBytes(server.sentBytes())}`);
	} finally {
		child.kill('SIGKILL');
		await server.close();
	}
}
