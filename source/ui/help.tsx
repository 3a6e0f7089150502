import React from 'react';
import {Box} from 'ink';
import {SegmentLine} from './segment-line.js';

/** Props of the help overlay. */
export interface HelpProps {
	/** Lines available: the list is cut to fit, the title goes first. */
	readonly maxLines: number;
	readonly width: number;
	readonly ascii: boolean;
	readonly color: boolean;
}

function keyList(ascii: boolean): ReadonlyArray<readonly [keys: string, what: string]> {
	const arrows = ascii ? 'Left/Right' : '←/→';
	return [
		['f', 'filter: all → abnormal → normal'.replaceAll('→', ascii ? '->' : '→')],
		['o', 'order: newest first / oldest first'],
		[`${arrows} PgUp/PgDn n/p`, 'previous / next page'],
		['r', 'refresh now'],
		['?', 'show or hide this help'],
		['Esc', 'close this help'],
		['q Ctrl+C', 'quit (the last screen stays in the scrollback)'],
	];
}

/** The keys, shown in place of the phases and events while open. */
export function Help({maxLines, width, ascii, color}: HelpProps) {
	const keys = keyList(ascii);
	const keyWidth = Math.max(...keys.map(([name]) => name.length)) + 2;
	const lines = [
		<SegmentLine key="title" segments={[{text: 'Keys', bold: true}]} width={width} color={color} ascii={ascii} />,
		...keys.map(([name, what]) => (
			<SegmentLine
				key={name}
				segments={[{text: '  ' + name.padEnd(keyWidth), color: 'cyan'}, {text: what}]}
				width={width}
				color={color}
				ascii={ascii}
			/>
		)),
	];
	return <Box flexDirection="column">{lines.slice(0, maxLines)}</Box>;
}
