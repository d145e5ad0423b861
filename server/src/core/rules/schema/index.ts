import type { Rule } from '../types';
import { schemaEnum } from './enum';
import { schemaLength } from './length';
import { schemaPattern } from './pattern';
import { requiredProperty } from './requiredProperty';
import { schemaType } from './type';
import { uniqueItems } from './uniqueItems';
import { unknownProperty } from './unknownProperty';

/** Generic checks from the CloudFormation registry schemas (see validate.ts for the scope). */
export const schemaRules: readonly Rule[] = [unknownProperty, requiredProperty, schemaType, schemaEnum, schemaPattern, schemaLength, uniqueItems];
