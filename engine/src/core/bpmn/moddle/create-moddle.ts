// The ambient types of the untyped 'bpmn-moddle' entry point, for programs that only include tests.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { tramitDescriptor } from './tramit-descriptor.js';

/** A moddle that reads BPMN 2.0 with Camunda 8's `zeebe:` and Tramit's `tramit:` extensions. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ zeebe: zeebeDescriptor, tramit: tramitDescriptor });
}
