import descriptor from '../../../../../schemas/bpmn/tramit-moddle.json' with { type: 'json' };

/**
 * The moddle descriptor of Tramit's own BPMN extensions (namespace `http://tramit.dev/schema/bpmn/1.0`),
 * so that they are read whatever prefix a file binds to the namespace. The descriptor itself is
 * `schemas/bpmn/tramit-moddle.json`, which the designer reads too.
 */
export const TRAMIT_NAMESPACE = 'http://tramit.dev/schema/bpmn/1.0';

export const tramitDescriptor = descriptor;
