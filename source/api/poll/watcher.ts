// The poll loop shared by the TTY hook and the plain/JSON runners: a setTimeout chain (never
// setInterval, so a slow poll never overlaps the next), retries with full-jitter back-off,
// a gentler cadence while nothing changes on a settled service, and a clean stop. The
// monitor and the update logs ride along in the same cycles (extra-reads.ts).
import {isTerminalStatus} from '../../core/deployment/outcome.js';
import type {ApiEvent, EventUpdate, ServiceDetails} from '../../core/types.js';
import type {WatchMessage} from '../../core/watch/data.js';
import type {SyncState} from '../../core/watch/sync-state.js';
import {DEFAULT_BACKOFF, quietDelay, retryDelay} from './backoff.js';
import {TransientError, type ApiError} from '../errors.js';
import {ExtraReads, MONITOR_CADENCE} from './extra-reads.js';
import {createEventSync, type EventSync} from './sync.js';
import {asApiError, shortReason, stoppedMessage} from './watch-status.js';
import {systemClock, type WatcherClock} from './watch-clock.js';
import type {Watcher, WatcherOptions, WatchResult} from './watcher-types.js';


export function createWatcher(options: WatcherOptions): Watcher {
	return new PollLoop(options);
}

class PollLoop implements Watcher {
	readonly done: Promise<WatchResult>;
	private resolveDone!: (result: WatchResult) => void;
	private readonly clock: WatcherClock;
	private readonly sync: EventSync & {takeUpdates?(): EventUpdate[]};
	private readonly extras: ExtraReads;
	private readonly controller = new AbortController();
	private timer: unknown = null;
	private started = false;
	private finished = false;
	private running = false;
	/** refreshNow() came while a cycle ran: run another as soon as it ends. */
	private refreshQueued = false;
	/** refreshNow() was asked: the next wait is the plain interval again. */
	private cadenceReset = false;
	private lastStart = Number.NEGATIVE_INFINITY;
	/** A server's Retry-After deadline: not even refreshNow() asks sooner. */
	private notBefore = Number.NEGATIVE_INFINITY;
	private lastSuccessAt: number | null = null;
	private reachedServer = false;
	private attempt = 0;
	private quietCycles = 0;
	private lastDetails: string | null = null;
	private status: string | null = null;
	private detailsAvailable = true;
	/** Set once the service is terminal: the next cycle is the final events fetch. */
	private finalFetch = false;

	constructor(private readonly options: WatcherOptions) {
		this.clock = options.clock ?? systemClock;
		this.sync = options.sync ?? createEventSync(options);
		this.extras = new ExtraReads({
			client: options.client,
			serviceId: options.serviceId,
			cadence: options.monitorCadence ?? MONITOR_CADENCE,
			now: () => this.clock.now(),
			emit: message => this.emit(message),
			projectGet: options.projectGet,
			slowThresholds: options.slowThresholds,
		});
		this.done = new Promise((resolve) => {
			this.resolveDone = resolve;
		});
	}

	start(): void {
		if (this.started || this.finished) return;
		this.started = true;
		this.emitSync({kind: 'loading'});
		this.schedule(0);
	}

	refreshNow(): void {
		if (!this.started || this.finished) return;
		this.quietCycles = 0;
		this.cadenceReset = true;
		this.attempt = 0;
		if (this.running) {
			this.refreshQueued = true;
			return;
		}

		this.schedule(0);
	}

	readUpdateLogs(): void {
		if (!this.finished) this.extras.askUpdateLogs();
	}

	stop(): void {
		this.finish({reason: 'stopped'});
	}

	/** Runs the next cycle after `delayMs`, but never sooner than `minGapMs` after the last one began. */
	private schedule(delayMs: number): number {
		if (this.timer !== null) this.clock.clearTimeout(this.timer);
		const now = this.clock.now();
		const at = Math.max(now + delayMs, this.lastStart + (this.options.minGapMs ?? 1000), this.notBefore);
		this.timer = this.clock.setTimeout(() => {
			this.timer = null;
			void this.cycle();
		}, at - now);
		return at;
	}

	private async cycle(): Promise<void> {
		if (this.finished) return;
		this.running = true;
		this.lastStart = this.clock.now();
		const signal = this.controller.signal;
		try {
			const changed = await this.fetchAll(signal);
			if (this.finished) return;
			this.attempt = 0;
			this.reachedServer = true;
			this.lastSuccessAt = this.clock.now();
			this.afterSuccess(changed);
		} catch (error) {
			if (!this.finished) this.afterFailure(asApiError(error));
		} finally {
			this.running = false;
		}
	}

	/**
	 * Events, then details (unless known unavailable), the monitor when due and the update logs
	 * when asked; the final fetch reads only events (and logs asked for at the end). True when
	 * new events or details arrived: monitor readings move all the time on a running service,
	 * and must not keep a settled watch at the busy cadence.
	 */
	private async fetchAll(signal: AbortSignal): Promise<boolean> {
		await this.options.readyForMore?.();
		// Emit events as soon as the sync hands them over: it will not hand them over twice.
		let paged = false;
		const {readyForMore} = this.options;
		// A paced consumer takes a long load in parts; the live view takes it whole (one render, not one per part).
		const events = await this.pollEvents(signal, readyForMore && (async page => {
			if (this.finished) return;
			paged = true;
			this.extras.noteEvents(page);
			this.emit({type: 'events', events: page, at: this.clock.now(), serverNow: this.sync.serverNow ?? null, more: true});
			await readyForMore();
		}));
		this.extras.noteEvents(events);
		// After parts, a last message without `more` says the read is whole, even when it adds nothing.
		if (events.length > 0 || paged) this.emit({type: 'events', events, at: this.clock.now(), serverNow: this.sync.serverNow ?? null});
		const updates = this.sync.takeUpdates?.() ?? [];
		if (updates.length > 0) this.emit({type: 'event-updates', updates, at: this.clock.now()});
		let detailsChanged = false;
		if (!this.finalFetch) {
			const details = this.detailsAvailable ? await this.fetchDetails(signal) : null;
			detailsChanged = details !== null && this.noteDetails(details);
			await this.extras.readIfDue(this.status, signal);
		}

		await this.extras.readUpdateLogsIfAsked(signal);
		return paged || events.length > 0 || updates.length > 0 || detailsChanged;
	}

	private async pollEvents(signal: AbortSignal, onPage: ((events: ApiEvent[]) => Promise<void>) | undefined): Promise<ApiEvent[]> {
		const progressBefore = this.sync.progress;
		try {
			return await this.sync.poll(signal, onPage);
		} catch (error) {
			// A large first load under faults fails whole polls while every retry moves it on:
			// that is progress, so the back-off starts again instead of climbing to a minute.
			if (this.sync.progress !== progressBefore) this.attempt = 0;
			throw error;
		}
	}

	private async fetchDetails(signal: AbortSignal): Promise<ServiceDetails | null> {
		try {
			return await this.options.client.getService(this.options.serviceId, signal);
		} catch (error) {
			const apiError = asApiError(error);
			if (apiError.kind !== 'forbidden' || signal.aborted) throw error;
			// Details are a bonus: progress can still be told from events alone.
			this.detailsAvailable = false;
			this.emit({type: 'details-unavailable', reason: shortReason(apiError), at: this.clock.now()});
			return null;
		}
	}

	/** Records new details; true when they differ from the last ones. */
	private noteDetails(details: ServiceDetails): boolean {
		const serialised = JSON.stringify(details);
		if (serialised === this.lastDetails) return false;
		this.lastDetails = serialised;
		this.status = details.status;
		this.extras.noteDetails(details);
		this.emit({type: 'details', details, at: this.clock.now()});
		return true;
	}

	private afterSuccess(changed: boolean): void {
		const terminal = isTerminalStatus(this.status);
		if (this.finalFetch) {
			this.emitSync({kind: 'ok', lastSuccessAt: this.lastSuccessAt as number, nextPollAt: null});
			this.finish({reason: 'terminal'});
			return;
		}

		if (terminal && this.options.stopAfterTerminal) {
			// One more events fetch, so events written just before the status changed are shown.
			this.finalFetch = true;
			this.scheduleWithState(0);
			return;
		}

		this.quietCycles = terminal && !changed && !this.cadenceReset ? this.quietCycles + 1 : 0;
		const delay = this.refreshQueued ? 0 : quietDelay(this.options.intervalMs, this.quietCycles);
		this.refreshQueued = false;
		this.cadenceReset = false;
		this.scheduleWithState(delay);
	}

	private scheduleWithState(delayMs: number): void {
		const at = this.schedule(delayMs);
		this.emitSync({kind: 'ok', lastSuccessAt: this.lastSuccessAt as number, nextPollAt: at});
	}

	private afterFailure(error: ApiError): void {
		if (!error.retryable) {
			this.emitSync({kind: 'stopped', message: stoppedMessage(error), errorKind: error.kind});
			this.finish({reason: 'permanent-error', error});
			return;
		}

		this.attempt += 1;
		this.refreshQueued = false;
		// An error in ModelArts' own JSON shape, even a 503, proves the endpoint is right; a bare
		// status, a page or a cut-off body may come from anything on the way.
		if (error.body !== null) this.reachedServer = true;
		if (!this.reachedServer && this.attempt >= (this.options.attemptsBeforeFirstSuccess ?? 5)) {
			const gaveUp = new TransientError(`could not reach ModelArts after ${this.attempt} attempts: ${error.message}`, error.status, error.body);
			this.emitSync({kind: 'stopped', message: gaveUp.message, errorKind: error.kind});
			this.finish({reason: 'permanent-error', error: gaveUp});
			return;
		}

		if (error.kind === 'throttled' && 'retryAfterMs' in error && typeof error.retryAfterMs === 'number') {
			this.notBefore = this.clock.now() + error.retryAfterMs;
		}

		const random = this.options.random ?? Math.random;
		const at = this.schedule(retryDelay(error, this.attempt, random, this.options.backoff ?? DEFAULT_BACKOFF));
		this.emitSync({kind: 'retrying', attempt: this.attempt, reason: shortReason(error), retryAt: at, lastSuccessAt: this.lastSuccessAt});
	}

	private finish(result: WatchResult): void {
		if (this.finished) return;
		this.finished = true;
		if (this.timer !== null) this.clock.clearTimeout(this.timer);
		this.timer = null;
		this.controller.abort();
		this.resolveDone(result);
	}

	private emitSync(state: SyncState): void {
		this.emit({type: 'sync', state, at: this.clock.now()});
	}

	private emit(message: WatchMessage): void {
		this.options.onMessage(message);
	}
}
