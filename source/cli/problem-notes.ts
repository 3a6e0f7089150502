import type {ProblemReporter} from '../api/payloads.js';

/**
 * Says each kind of odd server data once (counts aside): the same malformed field on every
 * poll would otherwise drown the log. The watch carries on with what was valid.
 */
export function createProblemNotes(write: (line: string) => void): ProblemReporter {
	const seen = new Set<string>();
	return problem => {
		const kind = problem.replace(/\d+/g, 'N');
		if (seen.has(kind)) return;
		seen.add(kind);
		write(`modelarts-watch: the server's answer does not fit the ModelArts API (${problem}); carrying on with the rest`);
	};
}
