// Counts in words: "1 event", "2 events". One place, so no line on screen says "1 events".

/** `1 event`, `3 events`; `plural` for nouns that do not just take an s. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : plural}`;
}
