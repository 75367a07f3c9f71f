import { buildModel } from './build-model.js';
import type { ParseResult } from './model.js';
import { readXml } from './read-xml.js';
import { validateProcess } from './validate/validate-process.js';

/**
 * Reads a Camunda 8 (Zeebe) BPMN file into executable process models. Problems are data: every
 * problem found is listed, and when there is any the deployment must be refused, even though
 * `processes` may hold what could be read.
 */
export async function parseBpmn(xml: string): Promise<ParseResult> {
  const read = await readXml(xml);
  if (!read.definitions) return { processes: [], problems: read.problems };
  const built = buildModel(read.definitions, read.unresolved);
  const validation = built.processes.flatMap((model) =>
    validateProcess({
      model,
      unsupportedIds: built.unsupportedIds,
      brokenReferenceIds: built.brokenReferenceIds,
      documentIds: read.documentIds,
    }),
  );
  return { processes: built.processes, problems: [...read.problems, ...built.problems, ...validation] };
}
