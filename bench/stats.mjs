// Small helpers shared by the measurements: medians, process timing, the result table.
import {spawnSync} from 'node:child_process';
import {performance} from 'node:perf_hooks';

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value at quantile `q` (0…1) of `values`, nearest rank. */
export function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/** "n runs, p10–p90 a–b ms": how much a timing wandered, for the note column. */
export function spread(values) {
	return `${values.length} runs, p10-p90 ${formatMs(quantile(values, 0.1))}-${formatMs(quantile(values, 0.9))}`;
}

/** Wall time of one process run to completion, in ms (stdout/stderr captured, not shown). */
export function timeRun(file, args, env = process.env) {
	const started = performance.now();
	const result = spawnSync(file, args, {env, stdio: 'pipe'});
	if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
	return performance.now() - started;
}

/**
 * One line of the report. `ok` is true/false when the figure has a target, null when it
 * is informational; `note` explains how it was measured or why it is missing.
 */
export function result(name, value, target, ok, note = '') {
	return {name, value, target, ok, note};
}

export function failed(name, target, error) {
	const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
	return result(name, 'not measured', target, null, message);
}

export const formatBytes = (bytes) =>
	bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${Math.round(bytes)} B`;

export const formatMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

/** A plain-text table, one row per result, columns padded to the widest cell. */
export function formatTable(results) {
	const rows = [['measure', 'value', 'target', 'status', 'note']];
	for (const entry of results) {
		const status = entry.ok === null ? '-' : entry.ok ? 'ok' : 'MISSED';
		rows.push([entry.name, String(entry.value), entry.target ?? '', status, entry.note ?? '']);
	}
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	const line = (row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd();
	return [line(rows[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
