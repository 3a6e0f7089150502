// What the keys ask for, as pure changes of the view settings (use-keys.ts maps keys to
// these intents and does nothing else).
import type {TypeFilter} from '../config/types.js';
import type {ViewSettings} from './view-state.js';

/** A user intent from the keyboard. */
export type KeyAction =
	| {readonly type: 'cycle-filter'}
	| {readonly type: 'toggle-order'}
	| {readonly type: 'next-page'}
	| {readonly type: 'prev-page'}
	| {readonly type: 'first-page'}
	| {readonly type: 'last-page'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'close-help'};

const NEXT_FILTER: Readonly<Record<TypeFilter, TypeFilter>> = {all: 'abnormal', abnormal: 'normal', normal: 'all'};

function toPage(settings: ViewSettings, page: number, pageCount: number): ViewSettings {
	const clamped = Math.min(pageCount - 1, Math.max(0, page));
	return clamped === settings.page ? settings : {...settings, page: clamped};
}

/** New settings for a key intent; the same object when nothing changes. */
export function reduceKey(settings: ViewSettings, action: KeyAction, pageCount: number): ViewSettings {
	switch (action.type) {
		case 'cycle-filter': {
			// A new filter shows different events: page 1 of them, not page 5 of the old ones.
			return {...settings, typeFilter: NEXT_FILTER[settings.typeFilter], page: 0};
		}

		case 'toggle-order': {
			return {...settings, order: settings.order === 'desc' ? 'asc' : 'desc', page: 0};
		}

		case 'next-page': {
			return toPage(settings, settings.page + 1, pageCount);
		}

		case 'prev-page': {
			return toPage(settings, settings.page - 1, pageCount);
		}

		case 'first-page': {
			return toPage(settings, 0, pageCount);
		}

		case 'last-page': {
			return toPage(settings, pageCount - 1, pageCount);
		}

		case 'toggle-help': {
			return {...settings, helpOpen: !settings.helpOpen};
		}

		case 'close-help': {
			return settings.helpOpen ? {...settings, helpOpen: false} : settings;
		}
	}
}
