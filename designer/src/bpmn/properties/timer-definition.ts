/** The minimal view of bpmn-js's element and business objects that the designer's modules read. */
export interface BusinessObject {
  $type: string;
  id?: string;
  name?: string;
  eventDefinitions?: BusinessObject[];
  get(name: string): unknown;
  $instanceOf(type: string): boolean;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: BusinessObject;
}

/** The timer event definition of a timer start, catch or boundary event. */
export function timerDefinitionOf(element: DiagramElement): BusinessObject | undefined {
  return element.businessObject.eventDefinitions?.find((d) => d.$type === 'bpmn:TimerEventDefinition');
}
