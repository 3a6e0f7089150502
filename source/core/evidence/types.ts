// What the poll loop learns beyond the events when a phase is slow or has failed: the
// model's health checks (modelarts-api-evidence.md §10) and its dedicated pool (§11, §12).
// Plain data: the loop reads and validates it, core/evidence/items.ts turns it into sentences.
import type {FailureCategory} from '../diagnosis/types.js';
import type {Resources} from './instance-request.js';

/** Which of a model's health checks: top-level `health`, or one inside its `config` string. */
export type ProbeKind = 'health' | 'readiness_health' | 'startup_health';

/** One health check with its numbers read (they arrive as strings). Seconds throughout. */
export interface Probe {
	readonly kind: ProbeKind;
	/** `HTTP` or `EXEC` as sent; null when absent. */
	readonly method: string | null;
	readonly protocol: string | null;
	/** The path for an HTTP check, the command line for EXEC; null when absent. */
	readonly target: string | null;
	readonly initialDelaySeconds: number;
	readonly periodSeconds: number;
	readonly failureThreshold: number;
	readonly timeoutSeconds: number | null;
}

/** One model's details: what can explain a slow startup or a failed build. */
export interface ModelFacts {
	readonly modelId: string;
	/** `"<name> <version>"`, as the events tag it. */
	readonly model: string;
	readonly status: string | null;
	readonly probes: readonly Probe[];
}

/** A node of a dedicated pool. */
export interface NodeFacts {
	readonly name: string;
	readonly phase: string | null;
	/** What workloads may use (`status.resources`); null when absent or unreadable. */
	readonly capacity: Resources | null;
	/** What is still free (`status.availableResources`); null when absent or unreadable. */
	readonly available: Resources | null;
	readonly taints: readonly {readonly key: string; readonly value: string | null; readonly effect: string}[];
}

/** A pool event (`PoolStatusChange`, `PoolResourcesStatusChange`, …). */
export interface PoolEvent {
	readonly type: string | null;
	readonly reason: string;
	readonly message: string;
	/** lastTimestamp (else firstTimestamp), ms; null when unreadable. */
	readonly at: number | null;
}

/** What one model's instances ask of its pool. */
export interface PoolDemand {
	/** The model tag; null when the details name none. */
	readonly model: string | null;
	/** One instance's request; null when its flavour is unknown. */
	readonly request: Resources | null;
	readonly instances: number;
}

/** A dedicated pool as read at one time. */
export interface PoolFacts {
	/** The pool ID, `metadata.name`: what the pool APIs take. */
	readonly poolName: string;
	/** The user-given name (label `os.modelarts/name`), when set. */
	readonly displayName: string | null;
	readonly phase: string | null;
	readonly message: string | null;
	/** `status.scope[Infer].state`, when listed. */
	readonly inferState: string | null;
	/** null when the nodes could not be read. */
	readonly nodes: readonly NodeFacts[] | null;
	readonly events: readonly PoolEvent[];
	readonly demands: readonly PoolDemand[];
	/** When it was read (client clock, ms). */
	readonly readAt: number;
}

/** Everything read so far; each read replaces the entry of the same model or pool. */
export interface EvidenceFacts {
	readonly models: readonly ModelFacts[];
	readonly pools: readonly PoolFacts[];
}

/** One line of evidence, with the category it points to. */
export interface EvidenceItem {
	readonly source: 'model' | 'pool';
	readonly text: string;
	readonly category: FailureCategory;
}
