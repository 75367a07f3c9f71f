/** The scenarios, in the order they run. */
import type { Scenario } from '../scenario.js';
import { killUnderLoad } from './kill-under-load.js';

export const scenarios: Scenario[] = [killUnderLoad];
