// HTTP helpers shared by the endpoints: ModelArts answers JSON with an error body of
// `{error_code, error_msg}` for every failure.
import type {IncomingMessage, ServerResponse} from 'node:http';

/** A response computed by an endpoint, before faults may alter how it is sent. */
export interface SimResponse {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
	return {status, headers: {'Content-Type': JSON_TYPE, ...headers}, body: JSON.stringify(value)};
}

export function apiError(status: number, errorCode: string, errorMsg: string): SimResponse {
	return json(status, {error_code: errorCode, error_msg: errorMsg});
}

/** 400 for a query value the API rejects. */
export function invalidParameter(name: string, value: string, expected: string): SimResponse {
	return apiError(400, 'ModelArts.0107', `The value of the request parameter (${name}=${value}) is invalid: ${expected}.`);
}

export function routeNotFound(): SimResponse {
	return apiError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment.');
}

/** Writes the whole response at once; returns the bytes of body sent. */
export function send(res: ServerResponse, response: SimResponse): number {
	const bytes = Buffer.byteLength(response.body);
	res.writeHead(response.status, {...response.headers, 'Content-Length': String(bytes)});
	res.end(response.body);
	return bytes;
}

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function flatHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

/** Tallies the body bytes an extra route writes, whichever way it writes them. */
export function countBodyBytes(res: ServerResponse): () => number {
	let bytes = 0;
	const count = (chunk: unknown): void => {
		if (typeof chunk === 'string' || chunk instanceof Uint8Array) bytes += Buffer.byteLength(chunk);
	};
	const write = res.write.bind(res) as (...args: unknown[]) => boolean;
	const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
	res.write = ((...args: unknown[]) => {
		count(args[0]);
		return write(...args);
	}) as ServerResponse['write'];
	res.end = ((...args: unknown[]) => {
		count(args[0]);
		return end(...args);
	}) as ServerResponse['end'];
	return () => bytes;
}
