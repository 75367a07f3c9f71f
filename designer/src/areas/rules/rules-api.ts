import { definitionsApi } from '../../components/definitions/definitions-api';
import type { RuleSet } from './rule-set-model';

export const rulesRoute = '/rules';
export const ruleSets = definitionsApi<RuleSet>('/api/v1/rules');
