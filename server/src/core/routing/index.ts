/** MRAP routing simulation (pure): latency model, client locations, decision, failover and 404 risk. */
export { DATA_DATES, EDGES, INGRESS_EDGES, REGIONS, greatCircleKm, measuredRttMs, regionByCode, type AwsRegion, type EdgeLocation, type LatLon } from './geo';
export { accessFor, anchorsFor, backboneEstimate, basisOf, distanceModelMs, fibreFloorMs, inflation, nearestEdge, regionToRegionEstimate, DEFAULT_LAST_MILE_MS, FIBRE_KM_PER_MS, type Estimate, type EstimateMethod } from './latency';
export { normalizeName, resolveLocation, type ClientLocation, type LocationLookup } from './location';
export { notFoundRisk, type NotFoundRisk, type NotFoundRiskLevel, type ReplicationInput, type ReplicationLink } from './notFoundRisk';
export { simulate, validateRegions, RoutingInputError, MAX_MRAP_REGIONS, type Candidate, type Ingress, type MrapRegion, type RegionState, type Simulation, type SimulationInput } from './simulate';
export { describeFailover, failoverImpact, failoverPreview, type ClientMove, type FailoverImpact, type FailoverPreview } from './failover';
export { mrapsFromTemplate, type TemplateMrap, type TemplateMrapRegion } from './fromTemplate';
export { nextState, parseScenario, type Scenario } from './panelScenario';
