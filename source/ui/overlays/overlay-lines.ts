// The overlays that replace the phases and the table (an event's details, an update's
// change) get the rows the layout plan gives them, never more.
import type {Segment} from '../kit/text-fit.js';

/** `lines` cut to `maxLines`; when cut, the last kept line says how many are hidden. */
export function cutToLines(lines: readonly Segment[][], maxLines: number): Segment[][] {
	if (lines.length <= maxLines) return [...lines];
	if (maxLines <= 0) return [];
	const kept = lines.slice(0, maxLines - 1);
	return [...kept, [{text: `  (${lines.length - kept.length} more lines: a taller terminal shows them)`, dim: true}]];
}
