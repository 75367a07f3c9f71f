/**
 * A typed view of moddle's untyped objects: only the members the model builder reads. Everything
 * coming from moddle goes through these functions, so no `any` reaches the rest of the code.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly $attrs?: Record<string, string>;
  readonly $parent?: unknown;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string' &&
    typeof (value as { get?: unknown }).get === 'function'
  );
}

export function idOf(element: ModdleElement): string | undefined {
  return stringProp(element, 'id');
}

export function stringProp(element: ModdleElement, name: string): string | undefined {
  const value = element.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function booleanProp(element: ModdleElement, name: string): boolean | undefined {
  const value = element.get(name);
  return typeof value === 'boolean' ? value : undefined;
}

export function numberProp(element: ModdleElement, name: string): number | undefined {
  const value = element.get(name);
  return typeof value === 'number' ? value : undefined;
}

export function elementProp(element: ModdleElement, name: string): ModdleElement | undefined {
  const value = element.get(name);
  return isModdleElement(value) ? value : undefined;
}

export function elementList(element: ModdleElement, name: string): ModdleElement[] {
  const value = element.get(name);
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The body of a `bpmn:FormalExpression` child (`conditionExpression`, `timeDuration`, …). */
export function expressionBody(element: ModdleElement, name: string): string | undefined {
  const expression = elementProp(element, name);
  return expression ? stringProp(expression, 'body') : undefined;
}

/** The children of `<bpmn:extensionElements>`. */
export function extensionsOf(element: ModdleElement): ModdleElement[] {
  const container = elementProp(element, 'extensionElements');
  return container ? elementList(container, 'values') : [];
}

/** The first extension element of a type, e.g. `zeebe:TaskDefinition`. */
export function findExtension(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensionsOf(element).find((extension) => extension.$type === type);
}
