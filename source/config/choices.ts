// The closed sets of flag values, shared by validation and --help so they cannot drift.

/** Valid values per flag, for --help and for error messages. */
export const FLAG_CHOICES = {
	type: ['all', 'normal', 'abnormal', 'warning'],
	order: ['desc', 'asc'],
	output: ['auto', 'tty', 'plain', 'json'],
	auth: ['token', 'aksk', 'password', 'cloud'],
	api: ['auto', 'v1', 'v2'],
	lang: ['en', 'zh'],
} as const;

/** The error message for a value outside a flag's choices. */
export function choiceMessage(flag: string, value: string, choices: readonly string[]): string {
	return `--${flag} ${JSON.stringify(value)} is not valid: use one of ${choices.join(', ')}.`;
}
