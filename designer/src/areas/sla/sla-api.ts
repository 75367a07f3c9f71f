import { definitionsApi } from '../../components/definitions/definitions-api';
import type { Calendar } from './calendar-model';
import type { SlaPolicy } from './sla-policy-model';

export const slaRoute = '/sla';
export const policiesRoute = `${slaRoute}/policies`;
export const calendarsRoute = `${slaRoute}/calendars`;
export const slaPolicies = definitionsApi<SlaPolicy>('/api/v1/sla-policies');
export const calendars = definitionsApi<Calendar>('/api/v1/calendars');
