// How the service picker fits a terminal: within rows − 1 lines, like the live view, with the
// selection kept in sight.

/** Which parts of the picker fit the terminal, within rows − 1 lines like the live view. */
export interface PickerLayout {
	readonly title: boolean;
	/** Why the last watch opened from here ended: a line of its own, while there is one. */
	readonly notice: boolean;
	readonly tableHeader: boolean;
	readonly footer: boolean;
	/** The filter line is never given up: it shows what the user types. */
	readonly listRows: number;
}

/** Gives up the table header, then the footer, then the title and the notice, until the list has two rows. */
export function pickerLayout(rows: number, hasNotice = false): PickerLayout {
	const budget = Math.max(0, rows - 1);
	const drafts: ReadonlyArray<Omit<PickerLayout, 'listRows'>> = [
		{title: true, notice: hasNotice, tableHeader: true, footer: true},
		{title: true, notice: hasNotice, tableHeader: false, footer: true},
		{title: true, notice: hasNotice, tableHeader: false, footer: false},
		{title: false, notice: false, tableHeader: false, footer: false},
	];
	const fixed = (draft: Omit<PickerLayout, 'listRows'>) =>
		1 + Number(draft.title) + Number(draft.notice) + Number(draft.tableHeader) + Number(draft.footer);
	const chosen = drafts.find(draft => budget - fixed(draft) >= 2) ?? drafts.at(-1)!;
	return {...chosen, listRows: Math.max(0, budget - fixed(chosen))};
}

/** The first visible row of the list: the selection stays in sight, centred when it can be. */
export function listWindowStart(selected: number, count: number, listRows: number): number {
	if (listRows <= 0 || count <= listRows) return 0;
	return Math.min(count - listRows, Math.max(0, selected - Math.floor(listRows / 2)));
}
