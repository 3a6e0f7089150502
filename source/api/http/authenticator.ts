/** The parts of an outgoing request that authentication may read (AK/SK signs them all). */
export interface OutgoingRequest {
	readonly method: string;
	readonly url: URL;
	/** Headers already set, lower-case names. */
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
}

/** One credential source, ready to authenticate requests. */
export interface Authenticator {
	/** Names the source for messages, e.g. "MODELARTS_TOKEN" or "AK/SK (HUAWEICLOUD_SDK_AK)". */
	readonly source: string;
	/** Headers to add to the request (X-Auth-Token, or the AK/SK signature headers). */
	headers(request: OutgoingRequest, signal?: AbortSignal): Promise<Record<string, string>>;
	/**
	 * After a 401: obtain a fresh credential if this source can (IAM password re-login).
	 * Resolves true when the request may be retried once; false when nothing can change.
	 */
	refresh(signal?: AbortSignal): Promise<boolean>;
	/** The project id this credential is scoped to, when it knows one (IAM token body). */
	projectId(signal?: AbortSignal): Promise<string | null>;
}
