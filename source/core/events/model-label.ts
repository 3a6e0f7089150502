// How a model is named everywhere the watch shows one: the way events tag it.

/** `"<name> <version>"`; the name alone without a version; null without a name. */
export function modelLabel(name: string | undefined, version: string | undefined): string | null {
	if (!name) return null;
	return version ? `${name} ${version}` : name;
}
