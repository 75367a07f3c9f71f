/** The scenarios, in the order they run. */
import type { Scenario } from '../scenario.js';
import { badInputs } from './bad-inputs.js';
import { concurrentCompletes } from './concurrent-completes.js';
import { killUnderLoad } from './kill-under-load.js';
import { networkCut } from './network-cut.js';
import { pgRestart } from './pg-restart.js';
import { timerOutage } from './timer-outage.js';

export const scenarios: Scenario[] = [
  killUnderLoad,
  pgRestart,
  networkCut,
  concurrentCompletes,
  timerOutage,
  badInputs,
];
