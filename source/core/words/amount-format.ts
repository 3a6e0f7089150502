// How amounts read: memory arrives in MB and is shown in GiB; a used amount keeps one decimal
// so it does not flicker between "2" and "2.1", a total or a setting is as short as it is exact.

export const MB_PER_GIB = 1024;

/** `2.4`, `2.0`. */
export function usedText(value: number): string {
	return value.toFixed(1);
}

/** `4`, `0.5`, `1.5`. */
export function totalText(value: number): string {
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** `8 GiB`, `1.5 GiB` from MB. */
export function gibText(mb: number): string {
	return `${totalText(mb / MB_PER_GIB)} GiB`;
}
