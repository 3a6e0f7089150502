// Response helpers shared by the endpoints: ModelArts answers JSON with an error body of
// `{error_code, error_msg}` for every failure.
import type {ServerResponse} from 'node:http';

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
