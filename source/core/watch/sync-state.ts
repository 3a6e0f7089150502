// Where the poll loop stands, as the sync messages report it and the status line shows it.

/** Where the poll loop stands; shown in the status line. Times are ms since the epoch. */
export type SyncState =
	| {readonly kind: 'loading'}
	| {readonly kind: 'ok'; readonly lastSuccessAt: number; readonly nextPollAt: number | null}
	| {
			readonly kind: 'retrying';
			readonly attempt: number;
			/** Short and human: "HTTP 503", "timed out", "connection reset", "HTTP 429 APIGW.0308". */
			readonly reason: string;
			readonly retryAt: number;
			readonly lastSuccessAt: number | null;
	  }
	/** A permanent error: polling stopped. `message` says what to do. */
	| {readonly kind: 'stopped'; readonly message: string; readonly errorKind: string};
