// A hostile "ModelArts" for memory tests: every answer is 200 with a JSON body that never
// ends (up to `totalBytes`), written as fast as the client reads. With the body size limit
// the CLI reads 32 MiB, drops the connection and retries; its peak RSS must stay small.
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface EndlessServer {
	readonly url: string;
	/** Body bytes written to clients so far. */
	readonly sentBytes: () => number;
	close(): Promise<void>;
}

export async function startEndlessServer(totalBytes: number): Promise<EndlessServer> {
	let sent = 0;
	const chunk = Buffer.alloc(256 * 1024, 0x20);
	const server: Server = createServer((_req, res) => {
		res.writeHead(200, {'content-type': 'application/json'});
		res.write('{"total_count":1,"count":1,"events":[');
		let left = totalBytes;
		const pump = (): void => {
			while (left > 0 && !res.destroyed) {
				const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
				left -= piece.length;
				sent += piece.length;
				if (!res.write(piece)) return;
			}

			if (left === 0) res.end(']}');
		};
		res.on('drain', pump);
		pump();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		sentBytes: () => sent,
		close: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

/** The peak resident set of a running process (VmHWM), in bytes; Linux only. */
export function peakRssBytes(pid: number): number {
	const kib = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
	if (kib === undefined) throw new Error(`no VmHWM in /proc/${pid}/status`);
	return Number(kib) * 1024;
}
