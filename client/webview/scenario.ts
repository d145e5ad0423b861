export { nextState, parseScenario, type Scenario } from '../../server/src/core/routing/panelScenario';
