import supported from '../../../../schemas/bpmn/supported-elements.json';

/** What a lint rule sees of a moddle element. */
export interface LintNode {
  $type: string;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
}

const executableTypes: ReadonlySet<string> = new Set(Object.keys(supported.executable));
const ignoredFlowElements: ReadonlySet<string> = new Set(supported.ignored);
const supportedEventDefinitions: ReadonlySet<string> = new Set(supported.eventDefinitions);

const unsupportedExtensions: Record<string, string> = {
  'zeebe:ExecutionListeners': 'execution listeners are not supported',
  'zeebe:TaskListeners': 'task listeners are not supported',
  'zeebe:CalledDecision':
    'a called DMN decision is not supported; use the "tramit:rules" job type or a job worker',
};

/** `bpmn:ComplexGateway` → "complex gateway" (as the engine words it). */
const describeModdleType = (type: string) =>
  type
    .replace(/^[\w.-]+:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace('sub process', 'sub-process');

const list = (value: unknown): LintNode[] => (Array.isArray(value) ? (value as LintNode[]) : []);

/**
 * Why the engine cannot run a BPMN element, as messages (none when it can). The element types come
 * from the list the engine reads too (schemas/bpmn/supported-elements.json), so the designer flags
 * what a deployment would refuse.
 */
export function unsupportedByEngine(node: LintNode): string[] {
  if (!node.$instanceOf('bpmn:FlowNode')) return [];
  if (ignoredFlowElements.has(node.$type)) return [];
  if (!executableTypes.has(node.$type))
    return [`${describeModdleType(node.$type)} is not supported by Tramit`];
  const problems: string[] = [];
  for (const definition of list(node.get('eventDefinitions'))) {
    if (!supportedEventDefinitions.has(definition.$type)) {
      problems.push(`${describeModdleType(definition.$type)} is not supported by Tramit`);
    }
  }
  const loop = node.get('loopCharacteristics') as LintNode | undefined;
  if (loop && loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.push(`${describeModdleType(loop.$type)} is not supported; use multi-instance`);
  }
  if (node.get('isForCompensation') === true) problems.push('a compensation activity is not supported');
  const extensions = node.get('extensionElements') as LintNode | undefined;
  for (const extension of list(extensions?.get('values'))) {
    const problem = unsupportedExtensions[extension.$type];
    if (problem) problems.push(problem);
  }
  return problems;
}
