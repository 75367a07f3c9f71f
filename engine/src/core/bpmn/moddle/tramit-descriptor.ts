/**
 * The moddle descriptor of Tramit's own BPMN extensions (namespace `http://tramit.dev/schema/bpmn/1.0`),
 * so that they are read whatever prefix a file binds to the namespace.
 */
export const TRAMIT_NAMESPACE = 'http://tramit.dev/schema/bpmn/1.0';

export const tramitDescriptor = {
  name: 'Tramit',
  uri: TRAMIT_NAMESPACE,
  prefix: 'tramit',
  xml: { tagAlias: 'lowerCase' },
  types: [
    {
      name: 'TimerCalendar',
      isAbstract: true,
      extends: ['bpmn:TimerEventDefinition'],
      properties: [{ name: 'calendar', isAttr: true, type: 'String' }],
    },
  ],
  enumerations: [],
  associations: [],
};
