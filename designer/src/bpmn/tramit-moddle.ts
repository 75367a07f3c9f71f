import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { tramitDescriptor } from '../../../engine/src/core/bpmn/moddle/tramit-descriptor';

/** The moddle extensions the engine reads: Camunda 8's `zeebe:` and Tramit's `tramit:` (one descriptor for both sides). */
export const moddleExtensions = { zeebe: zeebeModdle, tramit: tramitDescriptor };
