// An ambient declaration file cannot import, so the type is referenced inline.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports
type ModuleDeclaration = import('didi').ModuleDeclaration;

/** The untyped entry points of the bpmn.io libraries the designer uses (typed as far as we call them). */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
  export function useService<T = unknown>(name: string): T;
}

declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: ModuleDeclaration;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: ModuleDeclaration;
  export default module;
}

declare module 'bpmn-js-bpmnlint' {
  const module: ModuleDeclaration;
  export default module;
}

declare module 'bpmnlint/rules/*' {
  const rule: () => { check(node: unknown, reporter: unknown): void };
  export default rule;
}

declare module 'zeebe-bpmn-moddle/resources/zeebe.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}

declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: unknown;
  export function isTextFieldEntryEdited(node: unknown): boolean;
}

declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): unknown;
}

declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: unknown; elementsById: Record<string, unknown> }>;
  }
}
