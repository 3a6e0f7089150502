// The scenario registry: names and one-line descriptions for --help, lookup by name.
import type {Scenario} from './types.js';
import {BIG_HISTORY} from './big-history.js';
import {CORE_SCENARIOS} from './basic.js';
import {MORE_SCENARIOS} from './more.js';
import {DIAGNOSIS_SCENARIOS} from './diagnosis.js';
import {EVIDENCE_SCENARIOS} from './evidence.js';
import {TIMING_SCENARIOS} from './timing.js';
import {V2_SCENARIOS} from './v2.js';

const ALL: readonly Scenario[] = [...CORE_SCENARIOS, ...MORE_SCENARIOS, ...TIMING_SCENARIOS, BIG_HISTORY, ...DIAGNOSIS_SCENARIOS, ...EVIDENCE_SCENARIOS, ...V2_SCENARIOS];

/** Every scenario name, in the order --help lists them. */
export const SCENARIO_NAMES: readonly string[] = ALL.map((scenario) => scenario.name);

/** One line per scenario, for --help. */
export const SCENARIO_DESCRIPTIONS: Readonly<Record<string, string>> = Object.fromEntries(
	ALL.map((scenario) => [scenario.name, scenario.description]),
);

export const DEFAULT_SCENARIO = 'success';

/** The scenario of that name, or undefined. */
export function findScenario(name: string): Scenario | undefined {
	return ALL.find((scenario) => scenario.name === name);
}
