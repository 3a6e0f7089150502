import {useEffect} from 'react';
import {useStdout} from 'ink';
import type {ResizeAction} from '../core/view/types.js';

function isSize(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * Dispatches the terminal's size whenever stdout reports a resize. The first size comes
 * from the App's props (the CLI reads it once), so tests choose it freely.
 */
export function useTerminalSize(dispatch: (action: ResizeAction) => void): void {
	const {stdout} = useStdout();
	useEffect(() => {
		const onResize = () => {
			if (isSize(stdout.columns) && isSize(stdout.rows)) {
				dispatch({type: 'resize', columns: stdout.columns, rows: stdout.rows});
			}
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, dispatch]);
}
