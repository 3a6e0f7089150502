// What the poll loop reads besides events and details, inside its cycles and on their own
// terms: the monitor on a slower cadence than the events (counts change over tens of seconds,
// and a watch must stay within a few requests per second), the update logs only when the
// consumer asks (it knows whether the deployment is an update; the loop does not classify
// events), and evidence while a phase is slow or failed (api/evidence/, through the project
// GET). An API may be absent (optional-api.ts): that is said once, and never asked again. A
// new kind of server fact is read here too: its request through `projectGet`, its turn in
// readIfDue, its answer emitted as its message (core/watch/data.ts).
import type {SlowThresholds} from '../../core/diagnosis/thresholds.js';
import {outcomeOfStatus} from '../../core/deployment/outcome.js';
import type {ApiEvent, ServiceDetails} from '../../core/types.js';
import type {WatchMessage} from '../../core/watch/data.js';
import {evidenceClient, type ProjectGet} from '../evidence/client.js';
import {EvidenceReads} from '../evidence/reads.js';
import {availability} from './optional-api.js';
import type {ModelArtsClient} from '../types.js';

/** How rarely the monitor is read: the rarer of every `everyCycles` polls and every `minGapMs`. */
export interface MonitorCadence {
	readonly everyCycles: number;
	readonly minGapMs: number;
}

export const MONITOR_CADENCE: MonitorCadence = {everyCycles: 3, minGapMs: 10_000};

interface ExtraReadsOptions {
	readonly client: ModelArtsClient;
	readonly serviceId: string;
	readonly cadence: MonitorCadence;
	readonly now: () => number;
	readonly emit: (message: WatchMessage) => void;
	/** GETs below the project: the evidence reads (api/evidence/) go through it; without it none are made. */
	readonly projectGet?: ProjectGet;
	readonly slowThresholds?: SlowThresholds;
}

/** What the poll loop reads besides events and details. Requests reject as the client's do. */
export class ExtraReads {
	private monitorAvailable = true;
	private cyclesSinceMonitor = 0;
	private lastMonitorAt = Number.NEGATIVE_INFINITY;
	/** The service status at the last monitor read; undefined before the first. */
	private statusAtMonitor: string | null | undefined = undefined;
	private lastMonitor: string | null = null;
	private logsAvailable = true;
	private logsAsked = false;
	private readonly evidence: EvidenceReads | null;

	constructor(private readonly options: ExtraReadsOptions) {
		const {projectGet, now, emit, slowThresholds} = options;
		this.evidence = projectGet ? new EvidenceReads({client: evidenceClient(projectGet), now, emit, thresholds: slowThresholds}) : null;
	}

	/** What the evidence rule follows: the events as the sync delivers them, and the details. */
	noteEvents(events: readonly ApiEvent[]): void {
		this.evidence?.noteEvents(events);
	}

	noteDetails(details: ServiceDetails): void {
		this.evidence?.noteDetails(details);
	}

	/**
	 * One poll cycle has fetched events and details: the reads that are due now, each on its own
	 * terms. The monitor, then evidence when a phase is slow or failed (api/evidence/reads.ts).
	 */
	async readIfDue(status: string | null, signal: AbortSignal): Promise<void> {
		await this.readMonitorIfDue(status, signal);
		await this.evidence?.readIfDue(status, signal);
	}

	/** The consumer saw an update begin or end: read the logs in this cycle, or the next. */
	askUpdateLogs(): void {
		if (this.logsAvailable) this.logsAsked = true;
	}

	/** Reads the monitor when it is due (monitorDue). */
	private async readMonitorIfDue(status: string | null, signal: AbortSignal): Promise<void> {
		this.cyclesSinceMonitor += 1;
		if (!this.monitorDue(status)) return;
		const {client, serviceId, now, emit} = this.options;
		const answer = await availability(client.getMonitor(serviceId, signal));
		this.cyclesSinceMonitor = 0;
		this.lastMonitorAt = now();
		this.statusAtMonitor = status;
		if (answer.kind === 'absent') {
			this.monitorAvailable = false;
			emit({type: 'monitor-unavailable', reason: answer.reason, at: now()});
			return;
		}

		const serialised = JSON.stringify(answer.value);
		if (serialised === this.lastMonitor) return;
		this.lastMonitor = serialised;
		emit({type: 'monitor', monitor: answer.value, at: now()});
	}

	/** Reads the update logs when the consumer asked; a failed read is asked again next cycle. */
	async readUpdateLogsIfAsked(signal: AbortSignal): Promise<void> {
		if (!this.logsAsked) return;
		const {client, serviceId, now, emit} = this.options;
		const answer = await availability(client.getUpdateLogs(serviceId, {}, signal));
		this.logsAsked = false;
		if (answer.kind === 'absent') {
			this.logsAvailable = false;
			emit({type: 'update-logs-unavailable', reason: answer.reason, at: now()});
			return;
		}

		emit({type: 'update-logs', records: answer.value.records, at: now()});
	}

	/**
	 * At once on the first cycle and whenever the service status moved (a deployment that ends
	 * is read once more at its end); otherwise at the cadence while something may run.
	 */
	private monitorDue(status: string | null): boolean {
		if (!this.monitorAvailable) return false;
		if (status !== this.statusAtMonitor) return true;
		const outcome = outcomeOfStatus(status);
		// A failed or stopped service runs nothing: its counts were read when the status moved.
		if (outcome === 'failed' || outcome === 'stopped') return false;
		const {cadence, now} = this.options;
		return this.cyclesSinceMonitor >= cadence.everyCycles && now() - this.lastMonitorAt >= cadence.minGapMs;
	}
}
