import { elementProp, idOf, type ModdleElement } from './moddle-element.js';

/**
 * References moddle could not resolve (`sourceRef="missing"`), kept by element and property so
 * that the builder can still name the id the file wrote.
 */
export class UnresolvedReferences {
  private readonly byElement = new WeakMap<object, Map<string, string>>();

  add(element: object, property: string, id: string): void {
    const local = property.includes(':') ? property.slice(property.indexOf(':') + 1) : property;
    const properties = this.byElement.get(element) ?? new Map<string, string>();
    properties.set(local, id);
    this.byElement.set(element, properties);
  }

  /** The id a reference property names, resolved or not. */
  referenceId(element: ModdleElement, property: string): string | undefined {
    const target = elementProp(element, property);
    if (target) return idOf(target);
    return this.byElement.get(element)?.get(property);
  }

  /** Whether the property names an id that does not exist in the file. */
  isUnresolved(element: ModdleElement, property: string): boolean {
    return !elementProp(element, property) && this.byElement.get(element)?.has(property) === true;
  }
}
