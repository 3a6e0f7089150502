// Time as the poll loop and the request gate see it: injectable, so tests drive them with fake timers.
/** Time as the loop sees it. */
export interface WatcherClock {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

/** The real clock and timers. */
export const systemClock: WatcherClock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
