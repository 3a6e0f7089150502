// What the proxy tunnel saw during one exchange. node-fetch wraps every socket error in its
// own FetchError and keeps only the code, so the tunnel agent writes here what an error
// message needs: the proxy's answer to CONNECT, or the error of the leg to the proxy.
// AsyncLocalStorage carries the trace from the exchange to the agent's connect() without
// touching the shared agent, which keep-alive needs to stay one object.
import {AsyncLocalStorage} from 'node:async_hooks';

/** The proxy's status line for a CONNECT it did not grant. */
export interface TunnelRefusal {
	readonly status: number;
	readonly statusText: string;
}

export interface HopTrace {
	/** A CONNECT was sent for this exchange ('asked') and answered with 200 ('open'). */
	tunnel: 'none' | 'asked' | 'open';
	/** Set when the proxy answered CONNECT with anything but 200. */
	refusal: TunnelRefusal | null;
	/** Set when the leg to the proxy failed (its DNS, TCP or TLS) before a tunnel existed. */
	proxyLegFailure: unknown;
}

const storage = new AsyncLocalStorage<HopTrace>();

/** An empty trace, for one exchange. */
export function createHopTrace(): HopTrace {
	return {tunnel: 'none', refusal: null, proxyLegFailure: null};
}

/** Runs `request` so that the tunnel agent's connect() writes into `trace`. */
export function runTraced<T>(trace: HopTrace, request: () => Promise<T>): Promise<T> {
	return storage.run(trace, request);
}

/** The trace of the exchange this code runs for, if any. */
export function currentHopTrace(): HopTrace | undefined {
	return storage.getStore();
}
