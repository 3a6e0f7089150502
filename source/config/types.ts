import type {SlowThresholds} from '../core/diagnosis/thresholds.js';

export type OutputMode = 'tty' | 'plain' | 'json';
export type TypeFilter = 'all' | 'normal' | 'abnormal' | 'warning';
export type Order = 'desc' | 'asc';
/** Which service API to speak: v1 (real-time services), v2 (Huawei Cloud's new-version inference), or auto. */
export type ApiChoice = 'auto' | 'v1' | 'v2';
/** Which text of a v2 event to show: event_info (English) or event_info_cn (Chinese). */
export type EventLanguage = 'en' | 'zh';
/** How times are shown: the machine's zone, UTC, or an IANA zone name. */
export type TimeZoneSetting = {readonly kind: 'local'} | {readonly kind: 'utc'} | {readonly kind: 'zone'; readonly name: string};

/**
 * The services a watch of several covers (two or more named, or --all). Names and --all are
 * looked up in the project's list when the watch starts.
 */
export interface ManyServices {
	/** Service ids as given, each once, in command-line order. */
	readonly ids: readonly string[];
	/** --service-name values, each once, in command-line order. */
	readonly names: readonly string[];
	/** --all: every service deploying, waiting or pending when the watch starts. */
	readonly all: boolean;
	/** --include-running: with --all, the running ones too. */
	readonly includeRunning: boolean;
}

/** Everything the watch needs, validated. Built from flags, environment and config files. */
export interface Config {
	/**
	 * The one service watched, by id or by name (the live view shows it). Both null with
	 * several services (see `many`), or with none: the service picker in a terminal, a usage
	 * error elsewhere.
	 */
	readonly serviceId: string | null;
	readonly serviceName: string | null;
	/** Set when the watch covers several services (the overview); null for one. */
	readonly many: ManyServices | null;
	/** --wait-for-service: a `serviceName` not listed yet is waited for (CI creates it in parallel). */
	readonly waitForService: boolean;
	/** Requests per second all the watchers of several services may make together. */
	readonly maxRate: number;
	/** e.g. https://modelarts.eu-de.otc.t-systems.com (no trailing slash). */
	readonly endpoint: string;
	/** Null when it will be derived from the credential (IAM token body or project lookup). */
	readonly projectId: string | null;
	readonly region: string | null;
	readonly intervalMs: number;
	readonly typeFilter: TypeFilter;
	readonly order: Order;
	readonly output: OutputMode;
	readonly exitStatus: boolean;
	readonly once: boolean;
	readonly timeoutMs: number | null;
	/** How much of --timeout --wait-for-service spent before the watch started; absent: none. */
	readonly timeoutSpentMs?: number;
	/** occur_time window, ms since epoch. */
	readonly since: number | null;
	readonly until: number | null;
	readonly color: boolean;
	readonly timeZone: TimeZoneSetting;
	readonly ascii: boolean;
	readonly notify: boolean;
	readonly lowBandwidth: boolean;
	readonly debug: boolean;
	/** --max-response-size: the largest answer body read, in bytes. */
	readonly maxResponseBytes: number;
	/** --slow-after: per phase, how long it may run before the watch calls it slow. */
	readonly slowThresholds: SlowThresholds;
	/** --deploy-timeout: the service's deployment timeout, for the "near the timeout" hint. */
	readonly deployTimeoutMs: number;
	/** --api: auto tries the other generation when one does not know the service (never v2 on Open Telekom Cloud). */
	readonly api: ApiChoice;
	/** --lang: the language of v2 event texts. */
	readonly lang: EventLanguage;
}

/**
 * The command line as source/cli/parse.ts read it, before validation. Strings stay strings here so that
 * source/config/ can reject bad values with messages that name the flag and the choices.
 */
export interface RawFlags {
	/** The positional arguments: service ids. */
	readonly serviceIds?: readonly string[];
	/** Each --service-name given. */
	readonly serviceName?: readonly string[];
	readonly all?: boolean;
	readonly includeRunning?: boolean;
	readonly waitForService?: boolean;
	readonly maxRate?: string;
	readonly endpoint?: string;
	readonly region?: string;
	readonly projectId?: string;
	readonly interval?: string;
	readonly type?: string;
	readonly order?: string;
	readonly output?: string;
	readonly json?: boolean;
	readonly exitStatus?: boolean;
	readonly once?: boolean;
	readonly timeout?: string;
	readonly since?: string;
	readonly until?: string;
	readonly color?: boolean;
	readonly utc?: boolean;
	readonly tz?: string;
	readonly ascii?: boolean;
	readonly notify?: boolean;
	readonly lowBandwidth?: boolean;
	readonly debug?: boolean;
	/** true for the default scenario, else one scenario name or several joined by commas. */
	readonly demo?: string | boolean;
	/** With --demo: APIs the simulator refuses, `monitor=403,logs=404` (parsed by sim/endpoints/deny.ts). */
	readonly demoDeny?: string;
	readonly auth?: string;
	readonly tokenFile?: string;
	readonly cloud?: string;
	readonly caFile?: string;
	readonly insecure?: boolean;
	/** Lets a credential go to a plain http:// endpoint on another machine. */
	readonly allowHttp?: boolean;
	readonly maxResponseSize?: string;
	readonly slowAfter?: string;
	readonly deployTimeout?: string;
	readonly api?: string;
	readonly lang?: string;
}

/** What config resolution may look at besides flags; injectable so tests need no real home. */
export interface ConfigEnvironment {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly cwd: string;
	readonly homedir: string;
	/** True when stdout is a terminal (for --output auto). */
	readonly stdoutIsTTY: boolean;
	/** Reads standard input to the end (for --token-file -). */
	readonly readStdin: () => Promise<string>;
}
