// The words and symbols of one phase, shared by the phase list's layouts.
import type {ModelTrack, PhaseProgress, PhaseState} from '../../core/types.js';
import {formatDuration, phaseElapsed} from '../../core/deployment/elapsed.js';
import {failedPhaseNote} from '../../core/words/wording.js';
import {spinnerGlyph, type Glyphs} from '../kit/glyphs.js';

/** Everything a phase cell needs to draw itself at one moment. */
export interface PhaseCellContext {
	readonly now: number;
	readonly skewMs: number;
	/** The spinner frame, or null for a static glyph (low bandwidth). */
	readonly spinnerFrame: number | null;
	readonly glyphs: Glyphs;
	readonly ascii: boolean;
	/** The model whose failure ended the deployment (failureCulprit), or null. */
	readonly culprit: string | null;
}

/** What a failed phase says, and whether it is the phase's own cause (red) or another model's failure (dim). */
export function failureNote(phase: PhaseProgress, track: ModelTrack, clock: PhaseCellContext): {readonly text: string; readonly own: boolean} | null {
	const text = failedPhaseNote(phase, track, clock.culprit);
	return text === null ? null : {text, own: phase.cause !== null};
}

export function phaseGlyph(phase: PhaseProgress, clock: PhaseCellContext): string {
	return phase.state === 'active' ? spinnerGlyph(clock.glyphs, clock.spinnerFrame) : clock.glyphs.phase[phase.state];
}

/** Elapsed time: ticking while active, final once ended, empty when unknown or pending. */
export function phaseElapsedText(phase: PhaseProgress, clock: PhaseCellContext): string {
	if (phase.state === 'pending') {
		return '';
	}

	const elapsed = phaseElapsed(phase, clock.now, clock.skewMs);
	return elapsed === null ? '' : formatDuration(elapsed);
}

/** `⚠ 2` for recovered abnormal events, empty when there were none. */
export function warningText(phase: PhaseProgress, glyphs: Glyphs): string {
	return phase.warnings > 0 ? `${glyphs.warning} ${phase.warnings}` : '';
}

/** Colour per state: the active phase (and its spinner, wherever it shows) stands out, failures are red. */
export function stateColor(state: PhaseState): string | undefined {
	switch (state) {
		case 'done': {
			return 'green';
		}

		case 'failed': {
			return 'red';
		}

		case 'active': {
			return 'cyan';
		}

		case 'pending': {
			return undefined;
		}
	}
}

export function phaseColor(phase: PhaseProgress): string | undefined {
	return stateColor(phase.state);
}
