import chalk from 'chalk';
import {Box, Text} from 'ink';
import React, {memo, useState, type ReactElement} from 'react';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {frameLines} from '../../source/render/frame-lines.js';
import {renderSized} from '../ui/helpers.js';

/** What Ink prints for `tree` on a terminal `columns` wide. */
function inkLines(tree: ReactElement, columns: number): string[] {
	const rendered = renderSized(tree, {columns, rows: 40});
	const [first] = rendered.stdout.frames;
	rendered.unmount();
	return (first ?? '').split('\n');
}

const Row = ({label}: {readonly label: string}) => <Text>{label}</Text>;
const MemoRow = memo(Row);
function WithState() {
	const [label] = useState('state');
	return <Text>{label}</Text>;
}

describe('frameLines', () => {
	const level = chalk.level;
	beforeEach(() => {
		chalk.level = 2;
	});
	afterEach(() => {
		chalk.level = level;
	});

	it.each<[string, ReactElement]>([
		['nested styles in every combination', (
			<Box flexDirection="column">
				<Text bold color="red" dimColor>all three</Text>
				<Text>
					plain <Text bold>bold <Text color="cyan">cyan <Text dimColor>dim</Text></Text> bold</Text> plain
				</Text>
				<Text color="yellow">yellow <Text color="green" bold>green</Text> yellow</Text>
				<Text dimColor> </Text>
			</Box>
		)],
		['components, memo and fragments', (
			<Box flexDirection="column">
				<Row label="one" />
				<>
					<MemoRow label="two" />
					{false}
					{[<Row key="a" label="three" />]}
				</>
			</Box>
		)],
	])('draws %s as Ink does', (_what, tree) => {
		expect(frameLines(tree, 60)).toEqual(inkLines(tree, 60));
	});

	it.each<[string, ReactElement]>([
		['a row of boxes', (
			<Box>
				<Text>a</Text>
				<Text>b</Text>
			</Box>
		)],
		['padding', <Box flexDirection="column" paddingLeft={2}><Text>a</Text></Box>],
		['a line wider than the terminal', <Text>{'x'.repeat(61)}</Text>],
		['a component with state', <WithState />],
		['a hex colour', <Text color="#ff0000">a</Text>],
	])('leaves %s to Ink', (_what, tree) => {
		expect(frameLines(tree, 60)).toBeNull();
	});
});
