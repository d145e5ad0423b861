import type { Rule } from '../types';
import { allPassive } from './allPassive';
import { existingObjectReplication } from './existingObjectReplication';
import { mrapDetailsShape } from './mrapDetailsShape';
import { replicationApiNames } from './replicationApiNames';
import { routeItemShape } from './routeItemShape';
import { routesMrapArn } from './routesMrapArn';
import { trafficDialValue } from './trafficDialValue';

/** Rules for AWS CLI input files (dialect `api`): --details, --route-updates, --replication-configuration. */
export const cliRules: readonly Rule[] = [routesMrapArn, routeItemShape, trafficDialValue, allPassive, mrapDetailsShape, replicationApiNames, existingObjectReplication];
