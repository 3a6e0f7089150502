// What the diagnosis of a watch is read from: the clock and limits, and the evidence read
// about its models and pool (core/evidence/items.ts) and, on v2, the pods' Kubernetes events
// (pod-evidence.ts), as facts that compete with the events. One
// place builds it, so the live view, plain and NDJSON diagnose from the same facts.
import type {SlowContext} from '../diagnosis/slow.js';
import {evidenceFrom} from '../evidence/items.js';
import {podEvidence} from '../evidence/pod-evidence.js';
import type {WatchData} from './data.js';

/** The settings a diagnosis needs besides the data: thresholds, time-out, documentation cloud. */
export type DiagnosisLimits = Pick<SlowContext, 'thresholds' | 'timeoutMs' | 'cloud'>;

/** The context to diagnose `data` at `nowMs`: its skew and evidence, and the limits. */
export function diagnosisContextOf(data: Pick<WatchData, 'skewMs' | 'evidence' | 'deployment' | 'pods'>, limits: DiagnosisLimits, nowMs: number): SlowContext {
	const evidence = [...evidenceFrom(data.evidence, data.deployment, nowMs), ...podEvidence(data.pods)];
	return {nowMs, skewMs: data.skewMs, ...limits, ...(evidence.length === 0 ? {} : {evidence})};
}
