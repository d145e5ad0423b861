import type { Rule } from '../types';
import { getAttAttribute } from './getAttAttribute';
import { mrapNameFormat } from './mrapNameFormat';
import { mrapNameUnknown } from './mrapNameUnknown';
import { policyAsString } from './policyAsString';
import { properties } from './properties';
import { resourceArn } from './resourceArn';

export const mrapPolicyRules: readonly Rule[] = [properties, mrapNameFormat, mrapNameUnknown, policyAsString, resourceArn, getAttAttribute];
