import type { ElementType } from '../../bpmn/model.js';
import type { Behaviour } from './behaviour.js';
import { callActivity } from './call-activity.js';
import { catchEvent } from './catch-event.js';
import { endEvent } from './end-event.js';
import { eventBasedGateway } from './event-based-gateway.js';
import { jobTask } from './job-task.js';
import { passThrough } from './pass-through.js';
import { scriptTask } from './script-task.js';
import { subProcess } from './sub-process.js';
import { throwEvent } from './throw-event.js';
import { userTask } from './user-task.js';

const behaviours: Record<ElementType, Behaviour> = {
  PROCESS: subProcess,
  SUB_PROCESS: subProcess,
  EVENT_SUB_PROCESS: subProcess,
  START_EVENT: passThrough,
  INTERMEDIATE_THROW_EVENT: throwEvent,
  BOUNDARY_EVENT: passThrough,
  MANUAL_TASK: passThrough,
  TASK: passThrough,
  EXCLUSIVE_GATEWAY: passThrough,
  PARALLEL_GATEWAY: passThrough,
  INCLUSIVE_GATEWAY: passThrough,
  EVENT_BASED_GATEWAY: eventBasedGateway,
  INTERMEDIATE_CATCH_EVENT: catchEvent,
  RECEIVE_TASK: catchEvent,
  SERVICE_TASK: jobTask,
  SEND_TASK: jobTask,
  BUSINESS_RULE_TASK: jobTask,
  SCRIPT_TASK: scriptTask,
  USER_TASK: userTask,
  CALL_ACTIVITY: callActivity,
  END_EVENT: endEvent,
  MULTI_INSTANCE_BODY: passThrough,
};

export function behaviourOf(type: ElementType): Behaviour {
  return behaviours[type];
}
