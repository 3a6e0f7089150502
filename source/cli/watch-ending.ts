// The outside of the one watch-end rule (model/watch-end.ts): it keeps the facts, listens for
// the signals and the --timeout, and resolves once the rule says the watch is over. The live
// view and the plain/JSON runs both report to it; neither decides on its own.
import process from 'node:process';
import {decideEnd, END_SIGNALS, NOTHING_KNOWN, type EndRules, type EndSignal, type WatchEnding, type WatchFacts} from '../model/watch-end.js';
import {decideManyEnd, NOTHING_KNOWN_OF_SERVICE, type ServiceFacts} from '../model/watch-end-many.js';

/** An ending that leaves the program. */
type ExitEnding = Extract<WatchEnding, {kind: 'exit'}>;

export interface EndingTracker {
	/** New facts about the watch (only the fields that changed). */
	report(change: Partial<WatchFacts>): void;
	/** A new watch begins (a service chosen in the picker): what was known about the last one is forgotten. */
	newWatch(): void;
	/** Resolves once, with the first ending that leaves the program. */
	readonly ended: Promise<ExitEnding>;
	/**
	 * Stops listening for signals and the timeout; call it once the run has cleaned up. Until
	 * then a signal is taken (and ignored once ended): removing the listener inside a signal's
	 * own handler would let Ink's exit hook re-raise the signal and kill the process mid-way.
	 */
	dispose(): void;
}

/** Fields that describe one watch; the rest (signal, timeout, keys) belong to the whole run. */
const WATCH_FIELDS = ['outcome', 'detailsUnavailable', 'polled', 'pollingDone', 'failure'] as const;

/**
 * Tracks the facts of a run until its ending. `onBack` is told when a watch opened from the
 * picker failed for good (the picker shows why and the run goes on). `decide` is the rule
 * (a watch of several folds its services' facts in first).
 */
export function trackEnding(
	rules: EndRules,
	onBack: (message: string) => void = () => {},
	decide: (facts: WatchFacts, rules: EndRules) => WatchEnding | null = decideEnd,
): EndingTracker {
	let facts: WatchFacts = NOTHING_KNOWN;
	let settled = false;
	let resolveEnded!: (ending: ExitEnding) => void;
	const ended = new Promise<ExitEnding>(resolve => (resolveEnded = resolve));

	const newWatch = () => {
		const reset: Partial<Record<keyof WatchFacts, unknown>> = {};
		for (const field of WATCH_FIELDS) reset[field] = NOTHING_KNOWN[field];
		facts = {...facts, ...(reset as Partial<WatchFacts>)};
	};

	const report = (change: Partial<WatchFacts>) => {
		if (settled) return;
		facts = {...facts, ...change};
		const ending = decide(facts, rules);
		if (ending === null) return;
		if (ending.kind === 'back') {
			newWatch();
			onBack(ending.message);
			return;
		}

		settled = true;
		clearTimeout(timer);
		resolveEnded(ending);
	};

	const onSignal = (signal: EndSignal) => report({signal});
	for (const signal of END_SIGNALS) process.on(signal, onSignal);
	const timer = rules.timeoutMs === null ? undefined : setTimeout(() => report({timedOut: true}), rules.timeoutMs);
	const dispose = () => {
		clearTimeout(timer);
		for (const signal of END_SIGNALS) process.off(signal, onSignal);
	};

	return {report, newWatch, ended, dispose};
}

/** The tracker of a watch of several services: run-wide facts as above, and each service's own. */
export interface ManyEndingTracker extends Omit<EndingTracker, 'newWatch'> {
	/** New facts about one service (only the fields that changed). */
	reportService(serviceId: string, change: Partial<ServiceFacts>): void;
	/** What is known about one service now. */
	serviceFacts(serviceId: string): ServiceFacts;
}

/** Tracks a watch of `serviceIds` until the rule for several (model/watch-end-many.ts) ends it. */
export function trackManyEnding(rules: EndRules, serviceIds: readonly string[]): ManyEndingTracker {
	const services = new Map<string, ServiceFacts>(serviceIds.map(id => [id, NOTHING_KNOWN_OF_SERVICE]));
	const tracker = trackEnding(rules, undefined, (facts, rules) => decideManyEnd([...services.values()], facts, rules));
	return {
		report: tracker.report,
		reportService(serviceId, change) {
			const known = services.get(serviceId);
			if (known === undefined) return;
			services.set(serviceId, {...known, ...change});
			tracker.report({});
		},
		serviceFacts: serviceId => services.get(serviceId) ?? NOTHING_KNOWN_OF_SERVICE,
		ended: tracker.ended,
		dispose: tracker.dispose,
	};
}
