import {useEffect, useRef} from 'react';
import type {Nudge} from '../core/view/completion.js';
import {nudgeText} from '../core/words/wording.js';
import {nudgeBytes, type NotifyProtocol} from './terminal-notify.js';

/** Where and how the nudge is sent; the CLI builds it (null with --no-notify). */
export interface NudgeSink {
	readonly protocol: NotifyProtocol;
	/**
	 * Writes bytes to the terminal outside Ink's frame. Safe between frames: a bell and an OSC
	 * string move no cursor, so the renderer's idea of the screen stays true.
	 */
	readonly write: (bytes: string) => void;
}

/** Rings the bell and sends the notification once per nudge the reducer decided on. */
export function useCompletionNudge(nudge: Nudge | null, serviceName: string, sink: NudgeSink | null): void {
	// Read when a nudge comes, not watched: a renamed service or a new sink must not ring again.
	const latest = useRef({serviceName, sink});
	latest.current = {serviceName, sink};
	useEffect(() => {
		const {sink: target, serviceName: name} = latest.current;
		if (nudge !== null && target !== null) {
			target.write(nudgeBytes(target.protocol, 'modelarts-watch', nudgeText(nudge.outcome, nudge.elapsedMs, name)));
		}
	}, [nudge]);
}
