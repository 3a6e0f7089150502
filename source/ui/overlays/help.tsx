import React from 'react';
import {Box} from 'ink';
import {SegmentLine} from '../kit/segment-line.js';
import type {Display} from '../kit/display.js';

/** A view opened from the picker goes back to its list; one opened from the overview, to the overview. */
export type BackTo = 'the service list' | 'the overview';

export interface HelpProps {
	/** Lines available: the list is cut to fit, the title goes first. */
	readonly maxLines: number;
	readonly width: number;
	/** Where Esc goes back to, with nothing open: the picker's list or the overview; null when nowhere. */
	readonly backTo: BackTo | null;
	/** The keys to list; the live view's (keyList) when absent. */
	readonly keys?: ReadonlyArray<readonly [keys: string, what: string]>;
	readonly display: Display;
}

/** Every key of the live view and what it does; the README's key table says the same. */
export function keyList(ascii: boolean, backTo: BackTo | null): ReadonlyArray<readonly [keys: string, what: string]> {
	const arrow = ascii ? '->' : '→';
	const [left, right, up, down] = ascii ? ['Left', 'Right', 'Up', 'Down'] : ['←', '→', '↑', '↓'];
	// Update, diagnosis and event details never show together: one step closes whichever is open.
	const escape = `close help ${arrow} update/why/pods/details ${arrow} search ${arrow} selection${backTo === null ? '' : ` ${arrow} back to ${backTo}`}`;
	return [
		[`${up}/${down}`, 'select an event (the page follows); above the first, the Why and update lines'],
		['Enter', "open what is selected: an event's details, the diagnosis, or the update"],
		['w', 'why it failed or is slow: the whole diagnosis, with what to read'],
		['u', 'what the update changes, when the service is being updated'],
		['p', 'pods (v2): deployments, pods with status and node, latest Warnings'],
		['f', `filter: all ${arrow} abnormal ${arrow} normal`],
		['o', 'order: newest first / oldest first'],
		[`${left}/${right} < > n`, 'previous / next page (PgUp/PgDn too)'],
		['Home/End g/G', 'first / last page'],
		['/', 'search the event text (Enter keeps it, Esc clears it)'],
		['space', 'pause the table (polling goes on; phases stay live) / catch up'],
		['t', `times: local ${arrow} relative ${arrow} UTC`],
		['r', 'refresh now'],
		['?', 'show or hide this help'],
		['Esc', escape],
		['q Ctrl+C', 'quit (the last screen stays in the scrollback)'],
	];
}

/** The keys, shown in place of the phases and events while open. */
export function Help({maxLines, width, backTo, display, ...props}: HelpProps) {
	const {ascii} = display;
	const keys = props.keys ?? keyList(ascii, backTo);
	const keyWidth = Math.max(...keys.map(([name]) => name.length)) + 2;
	const lines = [
		<SegmentLine key="title" segments={[{text: 'Keys', bold: true}]} width={width} display={display} />,
		...keys.map(([name, what]) => (
			<SegmentLine
				key={name}
				segments={[{text: '  ' + name.padEnd(keyWidth), color: 'cyan'}, {text: what}]}
				width={width}
				display={display}
			/>
		)),
	];
	return <Box flexDirection="column">{lines.slice(0, maxLines)}</Box>;
}
