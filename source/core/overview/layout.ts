// How the overview fits a terminal: within rows − 1 lines like every view here (a frame as
// tall as the terminal makes Ink clear the screen), a row per service, paged when there are
// more services than rows, the least important lines given up first.

/** Which parts of the overview fit, and how many service rows a page holds. */
export interface OverviewLayout {
	/** The count line: services per status and the longest deployment. */
	readonly header: boolean;
	readonly tableHeader: boolean;
	/** Filter, page and keys. */
	readonly footer: boolean;
	/** Service rows per page. */
	readonly listRows: number;
	/** Lines the help overlay may use (it replaces the rows). */
	readonly helpLines: number;
}

/** Gives up the table header, then the footer, then the header line, until two rows fit. */
export function planOverview(rows: number): OverviewLayout {
	const budget = Math.max(0, rows - 1);
	const drafts: ReadonlyArray<Omit<OverviewLayout, 'listRows' | 'helpLines'>> = [
		{header: true, tableHeader: true, footer: true},
		{header: true, tableHeader: false, footer: true},
		{header: true, tableHeader: false, footer: false},
		{header: false, tableHeader: false, footer: false},
	];
	const fixed = (draft: Omit<OverviewLayout, 'listRows' | 'helpLines'>) => Number(draft.header) + Number(draft.tableHeader) + Number(draft.footer);
	const chosen = drafts.find(draft => budget - fixed(draft) >= 2) ?? drafts.at(-1)!;
	return {...chosen, listRows: Math.max(0, budget - fixed(chosen)), helpLines: Math.max(0, budget - Number(chosen.header) - Number(chosen.footer))};
}

/** The page that shows row `index` (0-based), and how many pages `count` rows take. */
export function pageOf(index: number, count: number, listRows: number): {readonly page: number; readonly pageCount: number} {
	const perPage = Math.max(1, listRows);
	return {page: Math.floor(Math.max(0, index) / perPage), pageCount: Math.max(1, Math.ceil(count / perPage))};
}
