// The running instances of one model over time, and the calls they have answered. Calls
// arrive at a steady rate per running instance, so every count follows from the clock.

/** Calls per second that one running instance answers. */
const CALLS_PER_SECOND = 2;
/** One call in this many fails. */
const FAILED_EVERY = 250;

export class ModelInstances {
	private count = 0;
	/** Calls answered up to `since`. */
	private answered = 0;

	constructor(private since: number) {}

	get running(): number {
		return this.count;
	}

	/** From `at` on, `running` instances serve. */
	set(running: number, at: number): void {
		this.answered = this.calls(at);
		this.count = running;
		this.since = at;
	}

	/** Calls answered up to `now` (never before the last change). */
	calls(now: number): number {
		return Math.floor(this.answered + (this.count * CALLS_PER_SECOND * Math.max(0, now - this.since)) / 1000);
	}

	/** Calls per minute at the current count. */
	callsPerMinute(): number {
		return this.count * CALLS_PER_SECOND * 60;
	}
}

/** How many of `calls` failed. */
export function failedCalls(calls: number): number {
	return Math.floor(calls / FAILED_EVERY);
}
