// What the sync has delivered lately, as counts of (time, type, text). Same-millisecond
// events have no id, so "new" can only mean "more occurrences than already delivered".
// Counts are kept for a short window before the newest event, which every poll re-reads to
// catch late arrivals; older counts are forgotten, so memory and poll size stay bounded.
//
// The window is anchored on the newest event that is not in the future by the client's
// clock (plus a tolerance for clock skew). An event dated years ahead — a hostile or badly
// skewed server — would otherwise lift the window over every correctly dated event still to
// come, and they would never be read. Future-dated events are still delivered once and their
// counts kept (they lie above the window, so every poll reads them again and skips them);
// they anchor the window only once the clock has caught up with them. A server whose clock
// runs further ahead than the tolerance costs larger polls, never a lost event.
import type {ApiEvent} from '../../core/types.js';

interface Delivered {
	readonly time: number;
	count: number;
}

const keyOf = (event: ApiEvent): string => `${event.occur_time}\u0000${event.event_type}\u0000${event.event_info}`;

export class DeliveredWindow {
	private readonly counts = new Map<string, Delivered>();
	private start: number | null;

	constructor(
		since: number | null,
		/** How far before the newest event the window reaches… */
		private readonly overlapMs: number,
		/** …but over no more than this many delivered events. */
		private readonly overlapEvents: number,
		/** How far ahead of the client's clock an event may be dated and still anchor the window. */
		private readonly futureToleranceMs: number,
	) {
		this.start = since;
	}

	/** The oldest occur_time the next poll must read again; null to read everything. */
	get floor(): number | null {
		return this.start;
	}

	/**
	 * Takes every event with occur_time ≥ `floor`, complete and oldest first (or, as a
	 * `leading part`, every such event below some time, the rest to come in later calls), and
	 * returns the occurrences not delivered before, in the same order. Then slides the window
	 * forward, anchored on events dated no later than `nowMs` plus the tolerance.
	 */
	admit(complete: readonly ApiEvent[], nowMs: number, part: 'whole' | 'leading part' = 'whole'): ApiEvent[] {
		const latestTrusted = nowMs + this.futureToleranceMs;
		const belowWindow = this.belowNextWindow(complete, latestTrusted);
		const mayForget = part === 'whole' || this.passedEveryCount(complete, latestTrusted);
		const occurrences = new Map<string, number>();
		const fresh: ApiEvent[] = [];
		for (const event of complete) {
			if (belowWindow(event.occur_time)) {
				fresh.push(event);
				continue;
			}

			const key = keyOf(event);
			const nth = (occurrences.get(key) ?? 0) + 1;
			occurrences.set(key, nth);
			const known = this.counts.get(key);
			if (!known || nth > known.count) {
				fresh.push(event);
				if (known) known.count = nth;
				else this.counts.set(key, {time: event.occur_time, count: nth});
			}
		}

		if (mayForget) this.slide(latestTrusted);
		return fresh;
	}

	/**
	 * A scan may hand over its leading part (every event below some time, whole milliseconds)
	 * before it ends. Sliding then would forget counts the rest of the scan still has to
	 * compare against, unless that part already reached past every count the window holds
	 * (a first load, part by part, keeps its counts small this way).
	 */
	private passedEveryCount(part: readonly ApiEvent[], latestTrusted: number): boolean {
		const reached = part.at(-1)?.occur_time ?? Number.NEGATIVE_INFINITY;
		for (const {time} of this.counts.values()) if (time <= latestTrusted && time > reached) return false;
		return true;
	}

	/**
	 * Which times of this batch need no counting: newer than every count held (so each of
	 * their occurrences is new) yet below the window the slide is about to set (so their
	 * counts would be dropped right away). A first load of 100k events is nearly all such;
	 * counting them first would build a key per event only to throw it away. Repeats share
	 * their millisecond, so they all fall on the same side.
	 */
	private belowNextWindow(complete: readonly ApiEvent[], latestTrusted: number): (time: number) => boolean {
		let knownNewest = Number.NEGATIVE_INFINITY;
		let newestTrusted = Number.NEGATIVE_INFINITY;
		for (const {time} of this.counts.values()) {
			knownNewest = Math.max(knownNewest, time);
			if (time <= latestTrusted) newestTrusted = Math.max(newestTrusted, time);
		}

		for (const event of complete) {
			if (event.occur_time <= latestTrusted) newestTrusted = Math.max(newestTrusted, event.occur_time);
		}

		// The slide starts the window no lower than either bound (see slide).
		const windowStart = Math.max(newestTrusted - this.overlapMs, this.countBoundOf(complete, latestTrusted));
		return time => time > knownNewest && time < windowStart;
	}

	/**
	 * The time of the batch's `overlapEvents`-th newest trusted occurrence: where the slide's
	 * bound by count will fall when these are the newest counts. Below it, nothing the batch
	 * holds needs counting, however densely a long history packs the last `overlapMs`.
	 */
	private countBoundOf(complete: readonly ApiEvent[], latestTrusted: number): number {
		let counted = 0;
		for (let index = complete.length - 1; index >= 0; index--) {
			const time = (complete[index] as ApiEvent).occur_time;
			if (time <= latestTrusted && ++counted >= Math.max(1, this.overlapEvents)) return time;
		}

		return Number.NEGATIVE_INFINITY;
	}

	/** Events dated after `latestTrusted` are kept but do not move the window. */
	private slide(latestTrusted: number): void {
		const newestFirst = [...this.counts.values()].filter((entry) => entry.time <= latestTrusted).sort((a, b) => b.time - a.time);
		const newest = newestFirst[0];
		if (!newest) {
			return;
		}

		let counted = 0;
		let byCount = Number.NEGATIVE_INFINITY;
		for (const entry of newestFirst) {
			counted += entry.count;
			if (counted >= Math.max(1, this.overlapEvents)) {
				byCount = entry.time;
				break;
			}
		}

		// Never backwards: counts below the window were forgotten, so it cannot grow back.
		const start = Math.max(newest.time - this.overlapMs, byCount, this.start ?? Number.NEGATIVE_INFINITY);
		this.start = start;
		for (const [key, entry] of this.counts) {
			if (entry.time < start) this.counts.delete(key);
		}
	}
}
