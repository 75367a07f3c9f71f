import { BuildContext } from './build-context.js';
import { readScope } from './build-scope.js';
import { linkModel } from './link-model.js';
import type { ModelProblem, ProcessModel } from './model.js';
import {
  booleanProp,
  elementList,
  findExtension,
  idOf,
  stringProp,
  type ModdleElement,
} from './moddle/moddle-element.js';
import type { UnresolvedReferences } from './moddle/unresolved-references.js';
import { readSensitiveVariables } from './sensitive-variables.js';

export interface BuiltModel {
  processes: ProcessModel[];
  problems: ModelProblem[];
  /** Elements reported as unsupported (validators do not report flows to them again). */
  unsupportedIds: ReadonlySet<string>;
  /** Elements with a broken message or error reference (validators do not report its content). */
  brokenReferenceIds: ReadonlySet<string>;
}

/** One model per executable `bpmn:process` of the definitions (collaborations included). */
export function buildModel(definitions: ModdleElement, unresolved: UnresolvedReferences): BuiltModel {
  const context = new BuildContext(unresolved);
  const executable = elementList(definitions, 'rootElements').filter(
    (element) => element.$type === 'bpmn:Process' && booleanProp(element, 'isExecutable') === true,
  );
  if (executable.length === 0) context.report(undefined, 'no executable process (set isExecutable="true")');
  const processes: ProcessModel[] = [];
  for (const process of executable) {
    const id = idOf(process);
    if (id === undefined || id.trim() === '') context.report(undefined, 'an executable process has no id');
    else processes.push(buildProcess(process, id, context));
  }
  return {
    processes,
    problems: context.problems,
    unsupportedIds: context.unsupportedIds,
    brokenReferenceIds: context.brokenReferenceIds,
  };
}

function buildProcess(process: ModdleElement, id: string, context: BuildContext): ProcessModel {
  const versionTag = findExtension(process, 'zeebe:VersionTag');
  const model: ProcessModel = {
    bpmnProcessId: id,
    name: stringProp(process, 'name'),
    versionTag: versionTag && stringProp(versionTag, 'value'),
    sensitiveVariables: readSensitiveVariables(process),
    elements: {},
    flows: {},
    startEventIds: [],
    eventSubProcessIds: [],
  };
  if (findExtension(process, 'zeebe:ExecutionListeners'))
    context.report(id, 'execution listeners are not supported');
  readScope(process, { isEventSubProcess: false }, model, context);
  linkModel(model);
  return toPlainJson(model);
}

/** The model is stored and cached as JSON: drop undefined properties now. */
function toPlainJson(model: ProcessModel): ProcessModel {
  return JSON.parse(JSON.stringify(model)) as ProcessModel;
}
