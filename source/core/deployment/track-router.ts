// The tracks of one deployment and which of them an event is about. Tracks of models named
// only by events are created when the first event names them, so an event is always read
// against the models known at its time: with one model known, an event that names none is
// that model's. Reading it again later, when a second model has appeared, would undo what
// it did and break "a done phase never regresses".
import {classifyWithTag, headOf} from '../events/classify.js';
import type {RoutedEvent} from './event-rules.js';
import {ModelDirectory} from '../events/model-attribution.js';
import {newTrack} from './phase-machine.js';
import type {WorkingTrack} from './phase-machine.js';
import type {WatchEvent} from '../types.js';

const BRACKET = /[[(]/;

export class TrackBoard {
	/** In the order they were created (config[] first); see `ordered()` for the order shown. */
	readonly tracks: WorkingTrack[] = [];
	private readonly directory: ModelDirectory;
	private readonly byModel = new Map<string, WorkingTrack>();
	/** When each track was first named by an event, for the order tracks are shown in. */
	private readonly namedAt = new Map<WorkingTrack, number>();
	/** The model-less track while no model is known; the first model named adopts it. */
	private placeholder: WorkingTrack | null = null;

	constructor(configModels: readonly string[]) {
		this.directory = new ModelDirectory(configModels);
		for (const model of configModels) this.create(model);
		if (this.tracks.length === 0) {
			this.placeholder = newTrack(null);
			this.tracks.push(this.placeholder);
		}
	}

	private create(model: string): WorkingTrack {
		const track = newTrack(model);
		this.tracks.push(track);
		this.byModel.set(model, track);
		this.directory.add(model);
		return track;
	}

	private trackFor(model: string, at: number): WorkingTrack {
		let track = this.byModel.get(model);
		if (track === undefined && this.placeholder !== null) {
			track = this.placeholder;
			track.model = model;
			this.byModel.set(model, track);
			this.directory.add(model);
			this.placeholder = null;
		}
		track ??= this.create(model);
		if (!this.namedAt.has(track)) this.namedAt.set(track, at);
		return track;
	}

	/** The event with the track it names (tag, known name in brackets, deployment slug), if any. */
	route(event: WatchEvent, index: number): RoutedEvent {
		const {phase, signal} = event;
		if (event.model !== null) return {event, phase, signal, track: this.trackFor(event.model, index), tagged: true};
		// Only texts with brackets can hold a name the tag reader could not parse.
		const known = this.directory.hasUnparsable && BRACKET.test(headOf(event.info)) ? this.directory.bracketed(event.info) : null;
		if (known !== null) {
			const meaning = classifyWithTag(event.info, event.type, known);
			return {event, phase: meaning.phase, signal: meaning.signal, track: this.trackFor(known.model, index), tagged: true};
		}
		if (this.tracks.length < 2) return {event, phase, signal, track: null, tagged: false};
		// A deployment-wide ending may say which model broke it ("… for model ranker 2.0.0-rc1").
		const model = signal === 'ended' ? this.directory.named(event.info) : this.directory.bySlug(event.info);
		return {event, phase, signal, track: model === null ? null : this.trackFor(model, index), tagged: false};
	}

	/** The existing track a free text (error_msg) names, if exactly one. */
	named(text: string | null | undefined): WorkingTrack | null {
		const model = text ? this.directory.named(text) : null;
		return model === null ? null : (this.byModel.get(model) ?? null);
	}

	/** Models named by the lifecycle's events in order of appearance, then the rest of config[]. */
	ordered(): WorkingTrack[] {
		const rank = (track: WorkingTrack) => this.namedAt.get(track) ?? Number.POSITIVE_INFINITY;
		return [...this.tracks].sort((a, b) => rank(a) - rank(b));
	}
}
