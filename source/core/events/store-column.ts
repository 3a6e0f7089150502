// An append-only column shared between store versions. Each version sees only the first
// `length` items of the shared array, so appending in place is safe: older versions do not
// see the new items. Appending to an older version (React StrictMode runs reducers twice)
// finds the array already longer than its view and copies instead of overwriting.

/** A prefix view of a shared array. */
export interface Column<T> {
	readonly items: readonly T[];
	readonly length: number;
}

export function emptyColumn<T>(): Column<T> {
	return {items: [], length: 0};
}

/** Amortised O(added) when `column` is the newest view of its array, O(n) otherwise. */
export function appendToColumn<T>(column: Column<T>, added: readonly T[]): Column<T> {
	if (added.length === 0) return column;
	// A loop, not push(...added): spreading 100k arguments overflows the call stack.
	const items = column.items.length === column.length ? (column.items as T[]) : column.items.slice(0, column.length);
	for (const item of added) items.push(item);
	return {items, length: column.length + added.length};
}

/** A column holding exactly `items`, owned by the caller from now on. */
export function columnOf<T>(items: T[]): Column<T> {
	return {items, length: items.length};
}

/** The visible items as an array of exactly `length` (no copy when the view is the whole array). */
export function columnItems<T>(column: Column<T>): readonly T[] {
	return column.items.length === column.length ? column.items : column.items.slice(0, column.length);
}

/** First index in [0, length) whose key is at least `value`. */
export function lowerBound<T>(column: Column<T>, value: number, key: (item: T) => number): number {
	let low = 0;
	let high = column.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (key(column.items[mid]!) < value) low = mid + 1;
		else high = mid;
	}
	return low;
}
