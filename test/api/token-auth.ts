// The simplest credential for tests: a fixed X-Auth-Token, optionally refreshable.
import type {Authenticator} from '../../source/api/http/authenticator.js';

export interface TestAuth extends Authenticator {
	/** How many times refresh() was called. */
	readonly refreshes: number;
}

export function tokenAuth(token: string, refreshTo: string | null = null): TestAuth {
	let current = token;
	let refreshes = 0;
	return {
		source: 'TEST_TOKEN',
		get refreshes() {
			return refreshes;
		},
		headers: async () => ({'x-auth-token': current}),
		refresh: async () => {
			refreshes += 1;
			if (refreshTo === null) return false;
			current = refreshTo;
			return true;
		},
		projectId: async () => null,
	};
}
