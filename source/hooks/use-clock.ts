import {useEffect, useRef, useState} from 'react';
import type {TickAction} from '../core/view/types.js';

/** What the clock should drive right now. */
export interface ClockOptions {
	/** Something on screen shows time ("updated 3s ago", a running timer): tick at 1 Hz. */
	readonly ticking: boolean;
	/** A spinner is visible and animation is allowed: frames at 2 fps. */
	readonly animate: boolean;
	readonly now: () => number;
}

const SECOND = 1000;
/**
 * 2 fps: the spinner still looks alive, and a frame costs a few glyphs (the log-update writes
 * only changed cells): 145 B/s steady for one service at 120×40, 268 B/s for an overview of
 * ten deploying rows. 3 fps measured 186 and 381 B/s; every byte counts over a slow link.
 */
const FRAME = 500;
/** Fire just after a boundary, never just before it (timers may run a little early). */
const LATE_BY = 3;

/**
 * A setTimeout chain aligned to boundaries: `tick` once per second (so every timer on screen
 * changes together, once a second) and, while animating, the spinner frame at 2 fps. Both
 * updates of one timer callback land in one render. Returns the spinner frame, or null when
 * the spinner should be a static glyph. Nothing runs when nothing needs time.
 */
export function useClock(dispatch: (action: TickAction) => void, {ticking, animate, now}: ClockOptions): number | null {
	const [frame, setFrame] = useState(0);
	const lastSecond = useRef<number | null>(null);
	useEffect(() => {
		if (!ticking && !animate) {
			return undefined;
		}

		const period = animate ? FRAME : SECOND;
		// The state already holds a time within this second; the first tick is the next one.
		lastSecond.current ??= Math.floor(now() / SECOND);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const schedule = () => {
			const delay = period - (now() % period) + LATE_BY;
			timer = setTimeout(step, delay);
		};

		const step = () => {
			const time = now();
			if (animate) {
				setFrame(current => current + 1);
			}

			const second = Math.floor(time / SECOND);
			if (ticking && second !== lastSecond.current) {
				lastSecond.current = second;
				dispatch({type: 'tick', now: time});
			}

			schedule();
		};

		schedule();
		return () => {
			clearTimeout(timer);
		};
	}, [ticking, animate, now, dispatch]);
	return animate ? frame : null;
}
