// Several scenarios served as services of one project: each scenario's first service is
// watched; the services around them (the neighbours every scenario brings) are listed once.
import type {Scenario, ScenarioService} from './scenarios/types.js';
import {stableId} from './stable-id.js';

/** A service a scenario is about: the one to watch. */
export interface WatchedService {
	readonly id: string;
	readonly name: string;
	readonly scenario: string;
	/** The API generation that serves it: a v2 service is unknown to the v1 paths. */
	readonly generation: 'v1' | 'v2';
}

export interface SimProject {
	readonly services: readonly ScenarioService[];
	/** In the order the scenarios were given; never empty. */
	readonly watched: readonly [WatchedService, ...WatchedService[]];
}

/**
 * The first scenario's service keeps its id and name (`service-07085` stays), so one
 * scenario serves exactly what it always did. Later ones get an id derived from scenario
 * name and position, and a name that says which scenario they play (`failure-02`).
 */
function watchedScript(scenario: Scenario, index: number): ScenarioService {
	const [main] = scenario.services;
	if (index === 0) return main;
	return {...main, id: stableId(`${scenario.name} ${index}`), name: `${scenario.name}-${String(index + 1).padStart(2, '0')}`};
}

export function projectOf(scenarios: readonly [Scenario, ...Scenario[]]): SimProject {
	const scripts = scenarios.map(watchedScript);
	const others = new Map<string, ScenarioService>();
	for (const service of scenarios.flatMap((scenario) => scenario.services.slice(1))) if (!others.has(service.id)) others.set(service.id, service);
	const watched = scripts.map((script, index) => ({id: script.id, name: script.name, scenario: scenarios[index]!.name, generation: script.v2 ? ('v2' as const) : ('v1' as const)}));
	return {services: [...scripts, ...others.values()], watched: watched as [WatchedService, ...WatchedService[]]};
}
