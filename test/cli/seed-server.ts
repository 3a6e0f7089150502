// A minimal ModelArts-shaped server, independent of the simulator: the seed page's nine
// events, and a service that says `deploying` on the first details request and `running`
// afterwards. Paging follows the documented reading (offset = page number).
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

export const SEED_EVENTS = [
	['start to deploy service', 1562597251764],
	['building image for model [TF 3.0.0]', 1562597251788],
	['model (TF 3.0.0) build image success', 1562597251805],
	['preparing environment', 1562597255744],
	['[TF 3.0.0] prepare environment success', 1562597275915],
	['[TF 3.0.0] schedule resource success', 1562597275921],
	['[TF 3.0.0] pulling model image', 1562597275928],
	['[TF 3.0.0] pull image success', 1562597332570],
	['[TF 3.0.0] starting model', 1562597332582],
].map(([info, time]) => ({event_type: 'normal', event_info: info as string, occur_time: time as number}));

export const SEED = {projectId: 'p0123', serviceId: 'svc-seed', token: 'seed-token-123456'};

export interface SeedServer {
	readonly url: string;
	close(): Promise<void>;
}

function eventsPage(query: URLSearchParams) {
	const since = Number(query.get('start_time') ?? Number.NEGATIVE_INFINITY);
	const until = Number(query.get('end_time') ?? Number.POSITIVE_INFINITY);
	const matching = SEED_EVENTS.filter(event => event.occur_time >= since && event.occur_time <= until);
	if (query.get('order') !== 'asc') matching.reverse();
	const limit = Number(query.get('limit') ?? 1000);
	const offset = Number(query.get('offset') ?? 0);
	const events = matching.slice(offset * limit, offset * limit + limit);
	return {service_id: SEED.serviceId, service_name: 'service-07085', total_count: matching.length, count: events.length, events};
}

export async function startSeedServer(): Promise<SeedServer> {
	let detailsRequests = 0;
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const send = (status: number, body: unknown) => {
			response.writeHead(status, {'content-type': 'application/json'});
			response.end(JSON.stringify(body));
		};

		if (request.headers['x-auth-token'] !== SEED.token) return send(401, {error_code: 'ModelArts.0203', error_msg: 'Invalid token.'});
		const base = `/v1/${SEED.projectId}/services/${SEED.serviceId}`;
		if (url.pathname === `${base}/events`) return send(200, eventsPage(url.searchParams));
		if (url.pathname === base) {
			detailsRequests++;
			const status = detailsRequests === 1 ? {status: 'deploying', progress: 90} : {status: 'running', progress: 100};
			return send(200, {service_id: SEED.serviceId, service_name: 'service-07085', ...status});
		}

		return send(404, {error_code: 'ModelArts.3502', error_msg: `Service ${url.pathname} does not exist`});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise(resolve => server.close(() => resolve())),
	};
}
