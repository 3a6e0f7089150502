// One table of exit codes, shared by the watch-end rule, --help and the README, so the numbers a
// script relies on are defined once.

export const EXIT = {
	/** The deployment succeeded, or the user quit with q. */
	ok: 0,
	/** The deployment failed or was stopped (with --exit-status), or an unexpected error. */
	failed: 1,
	/** Usage or configuration error. */
	usage: 2,
	/** Authentication or authorization failed. */
	auth: 3,
	/** Service or project not found. */
	notFound: 4,
	/** --timeout reached before the deployment ended. */
	timeout: 5,
	/** Still in progress (--once --exit-status). */
	inProgress: 8,
	/** Interrupted (Ctrl+C, SIGINT). */
	interrupted: 130,
	/** The reader of stdout went away (EPIPE), as git and coreutils end by SIGPIPE: nobody saw the end. */
	readerGone: 141,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The rows of the exit-code table, in the order --help and the README show them. */
export const EXIT_CODE_TABLE: ReadonlyArray<readonly [ExitCode, string]> = [
	[EXIT.ok, 'the deployment succeeded (with several: every one), or you quit with q'],
	[EXIT.failed, 'the deployment failed or was stopped (with --exit-status; with several: any one); a network, proxy or TLS failure; unexpected error'],
	[EXIT.usage, 'usage or configuration error (unknown flag, bad value, no service id)'],
	[EXIT.auth, 'authentication or authorization failed (with several: for every one)'],
	[EXIT.notFound, 'service or project not found'],
	[EXIT.timeout, '--timeout reached before the deployment ended (with several: any one), or before the service --wait-for-service awaits appeared'],
	[EXIT.inProgress, 'still in progress (--once --exit-status)'],
	[EXIT.interrupted, 'interrupted (Ctrl+C); SIGHUP and SIGTERM end with 129 and 143'],
	[EXIT.readerGone, 'the reader of the output went away (e.g. | head -1) before the watch ended'],
];
