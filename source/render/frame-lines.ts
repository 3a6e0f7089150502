// Draws a React tree of Ink's <Box> and <Text> to the lines Ink itself would print, without
// React's reconciler or Yoga, for the trees where that needs no layout engine: a column of
// one-line texts that fit the width (the live view is built that way: every line is a
// SegmentLine). Anything else gets null and Ink draws it. The painted first frame uses this
// to show the real view's components before Ink has loaded; test/render/first-frame.test.tsx
// checks it against Ink's own first frame.
import chalk from 'chalk';
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {normaliseSgrLine} from './sgr-line.js';
import {textWidth} from './text-width.js';

const ELEMENT = new Set([Symbol.for('react.transitional.element'), Symbol.for('react.element')]);
const FRAGMENT = Symbol.for('react.fragment');
const MEMO = Symbol.for('react.memo');

/** Thrown for anything only Ink can draw; caught by frameLines. */
class NeedsInk extends Error {}

interface Element {
	readonly type: unknown;
	readonly props: Record<string, unknown> & {readonly children?: ReactNode};
}

function isElement(node: unknown): node is Element {
	return typeof node === 'object' && node !== null && ELEMENT.has((node as {$$typeof?: symbol}).$$typeof as symbol);
}

/** Our own components are plain functions of their props; one that uses hooks throws here. */
function expand(element: Element): ReactNode {
	const {type} = element;
	if (typeof type === 'function') return (type as (props: unknown) => ReactNode)(element.props);
	const memo = type as {$$typeof?: symbol; type?: unknown};
	if (memo?.$$typeof === MEMO) return expand({type: memo.type, props: element.props});
	throw new NeedsInk('an element Ink must lay out');
}

/** The props Ink's <Text> turns into styles, applied as its own transform does. */
function styled(text: string, props: Element['props']): string {
	const {children: _children, color, bold, dimColor, wrap: _wrap, ...rest} = props;
	if (Object.keys(rest).length > 0) throw new NeedsInk('a text style only Ink applies');
	let out = text;
	if (dimColor === true) out = chalk.dim(out);
	if (typeof color === 'string') {
		if (!(color in chalk)) throw new NeedsInk('a colour that is not a name');
		out = (chalk as unknown as Record<string, (text: string) => string>)[color]!(out);
	} else if (color !== undefined) {
		throw new NeedsInk('a colour that is not a name');
	}

	if (bold === true) out = chalk.bold(out);
	return out;
}

/** The text inside a <Text>: strings and nested <Text>s, each styled (Ink's squashTextNodes). */
function squash(node: ReactNode): string {
	if (node === null || node === undefined || typeof node === 'boolean') return '';
	if (typeof node === 'string' || typeof node === 'number') return String(node);
	if (Array.isArray(node)) return node.map(squash).join('');
	if (!isElement(node)) throw new NeedsInk('unknown content inside a text');
	if (node.type === Text) {
		const inner = squash(node.props.children);
		return inner === '' ? '' : styled(inner, node.props);
	}

	if (node.type === FRAGMENT) return squash(node.props.children);
	return squash(expand(node));
}

/** One <Text> as Ink prints it: styles written back as Ink writes them, trailing blanks cut. */
function textLine(element: Element, columns: number): string {
	const text = squash(element.props.children);
	if (text === '' || text.includes('\n') || textWidth(text) > columns) throw new NeedsInk('a text that wraps or is empty');
	const line = normaliseSgrLine(styled(text, element.props));
	if (line === null) throw new NeedsInk('a character or code only Ink measures');
	return line.trimEnd();
}

function columnLines(node: ReactNode, columns: number): string[] {
	if (node === null || node === undefined || typeof node === 'boolean') return [];
	if (Array.isArray(node)) return node.flatMap(child => columnLines(child, columns));
	if (!isElement(node)) throw new NeedsInk('text outside a <Text>');
	if (node.type === Text) return [textLine(node, columns)];
	if (node.type === FRAGMENT) return columnLines(node.props.children, columns);
	if (node.type === Box) {
		const {children, flexDirection, ...rest} = node.props;
		if (flexDirection !== 'column' || Object.keys(rest).length > 0) throw new NeedsInk('a box laid out by Yoga');
		return columnLines(children, columns);
	}

	return columnLines(expand(node), columns);
}

/**
 * The lines Ink would print for `tree` on a terminal `columns` wide, or null when the tree
 * needs Ink's layout (rows, padding, wrapping) or uses hooks.
 */
export function frameLines(tree: ReactNode, columns: number): string[] | null {
	try {
		return columnLines(tree, columns);
	} catch {
		// NeedsInk, or a hook called outside React's renderer: Ink draws this tree.
		return null;
	}
}
