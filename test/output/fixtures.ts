import type {DeploymentProgress, ModelTrack, PhaseProgress, PhaseState, ServiceDetails, WatchEvent} from '../../source/core/types.js';
import {PHASE_IDS} from '../../source/core/types.js';
import type {WatchSnapshot} from '../../source/output/snapshot.js';

export const T0 = Date.parse('2026-11-27T10:00:00Z');

type PhaseSpec = Partial<Omit<PhaseProgress, 'phase'>>;

/** A track whose phases are pending unless given (by position, image_building first). */
export function track(model: string | null, specs: readonly PhaseSpec[] = []): ModelTrack {
	const phases = PHASE_IDS.map((phase, index): PhaseProgress => ({
		phase,
		state: 'pending' as PhaseState,
		startedAt: null,
		endedAt: null,
		warnings: 0,
		retrying: false,
		lastWarning: null,
		cause: null,
		...specs[index],
	}));
	return {model, modelStatus: null, phases, lastEvent: null};
}

export function deployment(patch: Partial<DeploymentProgress> = {}): DeploymentProgress {
	return {
		startedAt: null,
		endedAt: null,
		tracks: [track(null)],
		outcome: 'in_progress',
		status: null,
		progress: null,
		errorMsg: null,
		concerning: false,
		errorModel: null,
		problems: [],
		...patch,
	};
}

let seq = 0;
export function event(info: string, occurTime: number, type: 'normal' | 'abnormal' = 'normal'): WatchEvent {
	seq++;
	return {key: `${occurTime}/${seq}`, occurTime, type, rawType: type, info, seq, phase: null, signal: 'other', model: null, id: null, count: 1, lastAt: occurTime};
}

export function details(status: string, patch: Partial<ServiceDetails> = {}): ServiceDetails {
	return {service_id: 'svc', service_name: 'my-service', status, ...patch};
}

export function snapshot(patch: Partial<WatchSnapshot> = {}): WatchSnapshot {
	return {events: [], details: null, deployment: deployment(), instances: null, instancesAt: null, update: null, ...patch};
}
