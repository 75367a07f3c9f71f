import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import tramitDescriptor from '../../../schemas/bpmn/tramit-moddle.json';

/** The moddle extensions the engine reads: Camunda 8's `zeebe:` and Tramit's `tramit:` (one descriptor for both sides, in schemas/). */
export const moddleExtensions = { zeebe: zeebeModdle, tramit: tramitDescriptor };
