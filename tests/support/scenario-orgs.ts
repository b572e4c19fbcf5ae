import { SCENARIOS, type Scenario, type ScenarioOrg } from '../../sandbox/scenarios';

/** A sandbox scenario's org by its full name (the default scenario unless another is named). */
export function orgNamed(name: string, scenario: Scenario = SCENARIOS.default): ScenarioOrg {
  const org = scenario.orgs.find((candidate) => candidate.name === name);
  if (!org) throw new Error(`No org ${name} in the ${scenario.name} scenario`);
  return org;
}
