// The phase list's lines as styled segments, one builder per layout. Pure: the component
// only picks a layout and draws the lines.
import type {ModelTrack, PhaseProgress} from '../../core/types.js';
import {PHASE_LABEL_COLUMN, phaseLabelWidth, trackColumnWidth} from '../../core/view/layout.js';
import {phaseLabel} from '../../core/words/wording.js';
import {failureNote, phaseColor, phaseElapsedText, phaseGlyph, warningText, type PhaseCellContext} from './phase-text.js';
import {fitTo, safeText, widthOf, type Segment} from '../kit/text-fit.js';

const INDENT = '  ';
const ELAPSED_WIDTH = 7;

/** The segment of a failure note: the phase's own cause in red, an interruption dimmed. */
function noteSegment(note: {readonly text: string; readonly own: boolean}, ascii: boolean): Segment {
	return note.own ? {text: safeText(note.text, ascii), color: 'red'} : {text: safeText(note.text, ascii), dim: true};
}

/** A phase of `track` on its own line: glyph, name, elapsed, warnings, and why it failed. */
export function phaseRow(phase: PhaseProgress, track: ModelTrack, clock: PhaseCellContext, columns: number): Segment[] {
	const labelWidth = phaseLabelWidth(columns);
	const label = phaseLabel(phase.phase, labelWidth < PHASE_LABEL_COLUMN.long);
	const warnings = warningText(phase, clock.glyphs);
	const elapsed = phaseElapsedText(phase, clock);
	const note = failureNote(phase, track, clock);
	const segments: Segment[] = [
		{text: INDENT},
		{text: phaseGlyph(phase, clock), color: phaseColor(phase)},
		{text: ' '},
		{text: label, dim: phase.state === 'pending'},
	];
	// Padding only where something follows: trailing blanks cost bytes on every redraw.
	if (elapsed || warnings || note) {
		const gap = ' '.repeat(Math.max(0, labelWidth - widthOf(label)) + 2);
		segments.push({text: gap + fitTo(elapsed, ELAPSED_WIDTH, false, 'right')});
	}

	if (warnings) {
		segments.push({text: '  '}, {text: warnings, color: 'yellow'});
	}

	if (note) {
		segments.push({text: '  '}, noteSegment(note, clock.ascii));
	}

	return segments;
}

/**
 * `TF 3.0.0 (notReady, 1/2 instances)`: a model's name with its status from the details API
 * and its instances from the monitor (`instances` is instancesText's, or null).
 */
export function trackTitle(track: ModelTrack, ascii: boolean, instances: string | null = null): string {
	const name = safeText(track.model ?? 'model', ascii);
	const about = [track.modelStatus === null ? null : safeText(track.modelStatus, ascii), instances === null ? null : safeText(instances, ascii)];
	const known = about.filter(part => part !== null);
	return known.length === 0 ? name : `${name} (${known.join(', ')})`;
}

/** Several models side by side: a title line (`titles`, one per track), then each phase with a cell per model. */
export function columnRows(tracks: readonly ModelTrack[], titles: readonly string[], clock: PhaseCellContext, columns: number): Segment[][] {
	const labelWidth = phaseLabelWidth(columns);
	const cellWidth = trackColumnWidth(columns, tracks.length);
	const title: Segment[] = [{text: INDENT + ' '.repeat(labelWidth + 2)}];
	titles.forEach((text, index) => {
		// One blank column between titles, or a long one runs into the next ("…instance)embedder").
		const gap = index < titles.length - 1 && cellWidth > 1 ? 1 : 0;
		title.push({text: fitTo(text, cellWidth - gap, clock.ascii), bold: true}, {text: ' '.repeat(gap)});
	});

	const phaseCount = tracks[0]?.phases.length ?? 0;
	const rows: Segment[][] = [title];
	for (let index = 0; index < phaseCount; index++) {
		const id = tracks[0]?.phases[index]?.phase;
		if (!id) {
			continue;
		}

		const row: Segment[] = [{text: INDENT + fitTo(phaseLabel(id, labelWidth < PHASE_LABEL_COLUMN.long), labelWidth) + '  '}];
		for (const track of tracks) {
			const phase = track.phases[index];
			if (phase) {
				row.push(...trackCell(phase, clock, cellWidth));
			}
		}

		rows.push(row);
	}

	return [...rows, ...causeRows(tracks, clock)];
}

/** Below the grid, why each failed model failed (the cells have no room for it). */
function causeRows(tracks: readonly ModelTrack[], clock: PhaseCellContext): Segment[][] {
	const rows: Segment[][] = [];
	for (const track of tracks) {
		for (const phase of track.phases) {
			const note = failureNote(phase, track, clock);
			if (!note) continue;
			rows.push([
				{text: INDENT},
				{text: clock.glyphs.phase.failed, color: 'red'},
				{text: ` ${safeText(track.model ?? 'model', clock.ascii)}, ${phaseLabel(phase.phase).toLowerCase()}: `},
				noteSegment(note, clock.ascii),
			]);
			break;
		}
	}

	return rows;
}

function trackCell(phase: PhaseProgress, clock: PhaseCellContext, cellWidth: number): Segment[] {
	const warnings = warningText(phase, clock.glyphs);
	const rest = [phaseElapsedText(phase, clock), warnings].filter(Boolean).join(' ');
	return [
		{text: phaseGlyph(phase, clock), color: phaseColor(phase)},
		{text: fitTo(rest ? ' ' + rest : '', cellWidth - 1), color: warnings ? 'yellow' : undefined},
	];
}

/** The phase a one-line summary talks about: the active one, else the failed, else the last done. */
function currentPhase(track: ModelTrack): PhaseProgress | undefined {
	const phases = track.phases;
	return (
		phases.find(phase => phase.state === 'active') ??
		phases.find(phase => phase.state === 'failed') ??
		phases.findLast(phase => phase.state === 'done')
	);
}

/** Width of the model titles in compact rows: the longest, but at most a third of the line. */
export function compactTitleWidth(titles: readonly string[], columns: number): number {
	if (titles.length < 2) {
		return 0;
	}

	const longest = Math.max(...titles.map(title => widthOf(title)));
	return Math.min(longest, Math.floor(columns / 3));
}

/** A whole track on one line: `TF 3.0.0  ✔✔⠋··  Resource scheduling 42s ⚠ 1`. */
export function compactRow(track: ModelTrack, title: string, clock: PhaseCellContext, titleWidth: number): Segment[] {
	const segments: Segment[] = [{text: INDENT}];
	if (titleWidth > 0) {
		segments.push({text: fitTo(title, titleWidth, clock.ascii) + '  ', bold: true});
	}

	for (const phase of track.phases) {
		segments.push({text: phaseGlyph(phase, clock), color: phaseColor(phase)});
	}

	const current = currentPhase(track);
	if (current) {
		const elapsed = phaseElapsedText(current, clock);
		segments.push({text: '  ' + phaseLabel(current.phase) + (elapsed ? ' ' + elapsed : ''), color: phaseColor(current)});
	}

	const warnings = track.phases.reduce((sum, phase) => sum + phase.warnings, 0);
	if (warnings > 0) {
		segments.push({text: `  ${clock.glyphs.warning} ${warnings}`, color: 'yellow'});
	}

	const note = current && failureNote(current, track, clock);
	if (note) {
		segments.push({text: '  '}, noteSegment(note, clock.ascii));
	}

	return segments;
}
