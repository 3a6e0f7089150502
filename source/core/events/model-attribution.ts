// Which model an event (or the service's error_msg) is about, given the models of the
// deployment. Events name a model as `[name version]` / `(name version)`, which the tag
// reader parses on its own; names it cannot parse (spaces, brackets) are found here by
// looking for the known names. Kubernetes-level texts name the model's deployment instead,
// a slug of name and version plus a hash: `[ranker-2-0-0-rc1-7d9f]` is `ranker 2.0.0-rc1`.
import {headOf} from './classify.js';
import {findModelTag} from './model-prefix.js';
import type {ModelTag} from './model-prefix.js';

/** "ranker 2.0.0-rc1" → "ranker-2-0-0-rc1": lower case, every run of other characters one dash. */
export function modelSlug(model: string): string {
	return model
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

const SLUG_CHAR = /[a-z0-9]/;
/** Characters that continue a model name, so "bert 2.1" is not found inside "bert 2.1.0". */
const NAME_CHAR = /[\p{L}\p{N}_-]/u;

interface Match {
	readonly model: string;
	readonly start: number;
	readonly end: number;
}

/** Every occurrence of `needle` in `text` whose ends pass `bounded`. Linear in the text per needle. */
function occurrences(text: string, needle: string, model: string, bounded: (start: number, end: number) => boolean): Match[] {
	const found: Match[] = [];
	if (needle === '') return found;
	for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
		if (bounded(at, at + needle.length)) found.push({model, start: at, end: at + needle.length});
	}
	return found;
}

/**
 * The one model the matches name. A match inside a longer match of another model does not
 * count ("bert-2-1-0" inside "bert-2-1-0-1-…" is model "bert 2.1.0.1"); two models left is
 * ambiguous.
 */
function soleModel(matches: readonly Match[]): string | null {
	const outer = matches.filter(
		(inner) => !matches.some((other) => other.model !== inner.model && other.start <= inner.start && other.end >= inner.end && other.end - other.start > inner.end - inner.start),
	);
	const models = new Set(outer.map((match) => match.model));
	return models.size === 1 ? [...models][0]! : null;
}

interface Entry {
	readonly model: string;
	readonly lower: string;
	readonly slug: string;
}

/** The models of one deployment known so far, prepared once each so every event is matched cheaply. */
export class ModelDirectory {
	private readonly entries: Entry[] = [];
	/** Models the tag reader cannot read from `[name version]`: only these need a search by name. */
	private readonly unparsable: Entry[] = [];

	constructor(models: readonly string[] = []) {
		for (const model of models) this.add(model);
	}

	add(model: string): void {
		if (this.entries.some((entry) => entry.model === model)) return;
		const entry = {model, lower: model.toLowerCase(), slug: modelSlug(model)};
		this.entries.push(entry);
		if (findModelTag(`[${model}]`)?.model !== model) this.unparsable.push(entry);
	}

	/** True when some known model has a name the tag reader cannot parse. */
	get hasUnparsable(): boolean {
		return this.unparsable.length > 0;
	}

	/** A known model written in brackets, for names the tag reader cannot parse ("[my model 1.0]"). */
	bracketed(info: string): ModelTag | null {
		if (this.unparsable.length === 0) return null;
		const lower = headOf(info).toLowerCase();
		for (const {model, lower: name} of this.unparsable) {
			for (const [open, close] of ['[]', '()'] as const) {
				const start = lower.indexOf(`${open}${name}${close}`);
				if (start >= 0) return {model, start, end: start + name.length + 2};
			}
		}
		return null;
	}

	/** The one model whose deployment slug the text names (`ranker-2-0-0-rc1-7d9f`), or null. */
	bySlug(info: string): string | null {
		const lower = headOf(info).toLowerCase();
		const edge = (index: number) => index < 0 || index >= lower.length || !SLUG_CHAR.test(lower[index]!);
		const matches: Match[] = [];
		for (const {model, slug} of this.entries) {
			// Most texts name no slug at all: one indexOf per model decides that.
			if (slug !== '' && lower.includes(slug)) matches.push(...occurrences(lower, slug, model, (start, end) => edge(start - 1) && edge(end)));
		}

		return matches.length === 0 ? null : soleModel(matches);
	}

	/** The one model a free text names ("… for model ranker 2.0.0-rc1."), by name, tag or slug; or null. */
	named(info: string): string | null {
		const tagged = findModelTag(headOf(info))?.model ?? this.bracketed(info)?.model ?? null;
		if (tagged !== null && this.entries.some((entry) => entry.model === tagged)) return tagged;
		const lower = headOf(info).toLowerCase();
		const continues = (index: number) =>
			index >= 0 && index < lower.length && (NAME_CHAR.test(lower[index]!) || (lower[index] === '.' && NAME_CHAR.test(lower[index + 1] ?? '')));
		const matches = this.entries.flatMap(({model, lower: name}) => occurrences(lower, name, model, (start, end) => !continues(start - 1) && !continues(end)));
		return soleModel(matches) ?? this.bySlug(info);
	}
}
