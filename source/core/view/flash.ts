// A word for a key that had nothing to do, shown for a moment in place of silence: `w` with
// no diagnosis, `u` with no update. Its life is counted in ticks, as the state has no clock
// of its own between them.
import type {Flash} from './types.js';

/** Ticks a flash stays: two to three seconds, as the first tick may come at once. */
const FLASH_TICKS = 3;

const NOTHING_TO_OPEN: Readonly<Record<'open-why' | 'open-update' | 'open-pods', string>> = {
	'open-why': 'nothing to explain: no failure and no slow phase',
	'open-update': 'no update to show',
	// Pods are read only for a v2 service, and only while a deployment is not all running.
	'open-pods': 'no pods to show: read only for a v2 service while it deploys',
};

/** What `w` (open-why), `u` (open-update) or `p` (open-pods) says when there is nothing to open. */
export function nothingToOpen(intent: keyof typeof NOTHING_TO_OPEN): Flash {
	return {text: NOTHING_TO_OPEN[intent], ticksLeft: FLASH_TICKS};
}

/** The flash one tick later; null once its ticks are spent. */
export function flashAfterTick(flash: Flash | null): Flash | null {
	return flash === null || flash.ticksLeft <= 1 ? null : {...flash, ticksLeft: flash.ticksLeft - 1};
}
