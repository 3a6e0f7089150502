// The overview's keys, for its help overlay (the README's key table says the same).

/** Every key of the overview and what it does. */
export function overviewKeyList(ascii: boolean): ReadonlyArray<readonly [keys: string, what: string]> {
	const arrow = ascii ? '->' : '→';
	const [left, right, up, down] = ascii ? ['Left', 'Right', 'Up', 'Down'] : ['←', '→', '↑', '↓'];
	return [
		[`${up}/${down}`, 'select a service (the page follows it)'],
		['Enter', "open the selected service's own view (Esc comes back)"],
		['f', `filter: all ${arrow} in progress ${arrow} failed`],
		[`${left}/${right} n/p < >`, 'previous / next page (PgUp/PgDn too)'],
		['Home/End g/G', 'first / last service'],
		['/', 'search the service names (Enter keeps it, Esc clears it)'],
		['r', 'poll every service now'],
		['?', 'show or hide this help'],
		['Esc', `close help ${arrow} search`],
		['q Ctrl+C', 'quit (the last screen stays in the scrollback)'],
	];
}
