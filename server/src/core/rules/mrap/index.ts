import type { Rule } from '../types';
import { nameFormat } from './nameFormat';

export const mrapRules: readonly Rule[] = [nameFormat];
