import {describe, expect, it} from 'vitest';
import {AuthError, BadRequestError, ForbiddenError, NotFoundError, ThrottledError, TransientError} from '../../source/api/errors.js';
import {ConfigError, CredentialError} from '../../source/config/errors.js';
import type {Authenticator} from '../../source/api/http/authenticator.js';
import {exitCodeForError} from '../../source/cli/exit-status.js';
import {describeFailure} from '../../source/cli/failure.js';

describe('exitCodeForError', () => {
	it.each([
		['ConfigError', new ConfigError('bad'), 2],
		['CredentialError', new CredentialError('none'), 3],
		['401', new AuthError('no', 401), 3],
		['403', new ForbiddenError('no', 403), 3],
		['404', new NotFoundError('gone', 404), 4],
		['400', new BadRequestError('bad request', 400), 2],
		['a transient error that became fatal', new TransientError('reset'), 1],
		['429', new ThrottledError('slow down', 429, null, null), 1],
		['anything else', new Error('bug'), 1],
	])('%s → %i', (_name, error, code) => {
		expect(exitCodeForError(error)).toBe(code);
	});
});

describe('describeFailure', () => {
	const auth: Authenticator = {source: 'MODELARTS_TOKEN', headers: async () => ({}), refresh: async () => false, projectId: async () => null};

	it('names the credential source when the server rejects it', () => {
		const error = new AuthError('rejected', 401, {errorCode: 'ModelArts.0203', errorMsg: 'Invalid token.', requestId: null});
		expect(describeFailure(error, auth)).toMatch(/^modelarts-watch: MODELARTS_TOKEN was rejected \(401 ModelArts\.0203\)/);
	});

	it('passes typed messages through and flags anything else as unexpected, pointing at --debug', () => {
		expect(describeFailure(new ConfigError('--interval "0" is not valid'), null)).toBe('modelarts-watch: --interval "0" is not valid');
		expect(describeFailure(new TypeError('x is undefined'), null)).toBe('modelarts-watch: unexpected error: x is undefined (rerun with --debug for details)');
	});
});
