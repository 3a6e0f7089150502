// Configuration problems and credential problems end the run with different exit codes, so
// scripts can tell "you typed it wrong" (2) from "you are not let in" (3). Messages name the
// flag, variable or file to fix and never hold the secret itself.

/** A flag, variable or config file value is invalid or missing. Exit code 2. */
export class ConfigError extends Error {
	readonly exitCode = 2;

	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

/** No usable credential, or the credential was rejected. Exit code 3. */
export class CredentialError extends Error {
	readonly exitCode = 3;

	constructor(message: string) {
		super(message);
		this.name = 'CredentialError';
	}
}
