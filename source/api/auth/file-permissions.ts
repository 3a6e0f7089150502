// A file that holds a credential should be its owner's alone, as ssh insists for a private
// key. The watch still uses a file others may open (refusing would break a working set-up
// at the worst moment), but says so once, with the fix.
import {stat} from 'node:fs/promises';

/** Group and other permission bits. */
const OPEN_TO_OTHERS = 0o077;

/**
 * One warning line for each file in `files` whose mode lets group or other users in, naming
 * the file and `chmod 600`. Files that cannot be inspected, and Windows (no such bits), pass.
 */
export async function looseCredentialFiles(files: readonly string[]): Promise<string[]> {
	if (process.platform === 'win32') return [];
	const warnings: string[] = [];
	for (const file of new Set(files)) {
		const mode = await stat(file).then(
			found => found.mode & 0o777,
			() => null,
		);
		if (mode === null || (mode & OPEN_TO_OTHERS) === 0) continue;
		warnings.push(`warning: ${file} holds a credential and other users may open it (mode ${mode.toString(8).padStart(3, '0')}): run chmod 600 ${file}`);
	}

	return warnings;
}
