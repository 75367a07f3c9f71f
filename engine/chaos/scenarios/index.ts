/** The scenarios, in the order they run. */
import type { Scenario } from '../scenario.js';
import { killUnderLoad } from './kill-under-load.js';
import { networkCut } from './network-cut.js';
import { pgRestart } from './pg-restart.js';

export const scenarios: Scenario[] = [killUnderLoad, pgRestart, networkCut];
