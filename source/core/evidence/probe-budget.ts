// How long a model's health check lets it start (modelarts-api-evidence.md §10.3): the first
// check after the initial delay, then failure-threshold failed checks one period apart. The
// formula is our reading of the FAQ on deployments that fail with a proper timeout; the
// platform's exact counting may differ by a period, which is why only a budget far below the
// time spent in startup is taken as the cause.
import type {Probe} from './types.js';

/** Which check decides whether a starting model lives: a startup check, else the health (liveness) check, else readiness. */
const GOVERNING_ORDER = ['startup_health', 'health', 'readiness_health'] as const;

/** The budget counts as the cause when the startup ran this many times longer, and at least a minute. */
export const BUDGET_FACTOR = 4;
export const MIN_STARTUP_MS = 60_000;

/** The check that governs startup, or null when the model has none. */
export function governingProbe(probes: readonly Probe[]): Probe | null {
	for (const kind of GOVERNING_ORDER) {
		const probe = probes.find((candidate) => candidate.kind === kind);
		if (probe) return probe;
	}
	return null;
}

/** Seconds a starting model has before the check gives up on it. */
export function budgetSeconds(probe: Probe): number {
	return probe.initialDelaySeconds + probe.failureThreshold * probe.periodSeconds;
}

/** True when a startup that took `startupMs` is far beyond what the check allows. */
export function budgetExceeded(probe: Probe, startupMs: number): boolean {
	return startupMs >= MIN_STARTUP_MS && startupMs >= BUDGET_FACTOR * budgetSeconds(probe) * 1000;
}

const KIND_WORDS: Readonly<Record<Probe['kind'], string>> = {
	startup_health: 'startup check',
	health: 'health check',
	readiness_health: 'readiness check',
};

const seconds = (value: number): string => `${Number.isInteger(value) ? value : value.toFixed(1)} s`;

/** "the health check (HTTP GET /health) gives the model 40 s (delay 10 s + 3 × 10 s)". */
export function budgetText(probe: Probe): string {
	const how = probe.method?.toUpperCase() === 'EXEC' ? 'command' : `${probe.protocol ?? 'HTTP'} GET`;
	const target = probe.target === null ? '' : ` ${probe.target}`;
	const sum = `delay ${seconds(probe.initialDelaySeconds)} + ${probe.failureThreshold} × ${seconds(probe.periodSeconds)}`;
	return `the ${KIND_WORDS[probe.kind]} (${how}${target}) gives the model ${seconds(budgetSeconds(probe))} (${sum})`;
}
