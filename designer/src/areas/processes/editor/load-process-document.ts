import { isApiError } from '../../../api';
import { newProcessXml } from '../bpmn-xml';
import { getDefinitionXml, searchDefinitions } from '../../../api/process-definitions';
import { getDraft } from '../process-api';

export interface ProcessDocument {
  xml: string;
  /** The draft's revision, or undefined when no draft is stored yet. */
  revision: number | undefined;
  source: 'draft' | 'version' | 'new';
}

/** What the editor opens: the draft, else the latest deployed version, else a new diagram. */
export async function loadProcessDocument(
  processId: string,
  newName: string | null,
): Promise<ProcessDocument> {
  try {
    const draft = await getDraft(processId);
    return { xml: draft.xml, revision: draft.revision, source: 'draft' };
  } catch (error) {
    if (!isApiError(error) || error.status !== 404) throw error;
  }
  const [latest] = await searchDefinitions(processId);
  if (latest) {
    return {
      xml: await getDefinitionXml(latest.processDefinitionKey),
      revision: undefined,
      source: 'version',
    };
  }
  return { xml: newProcessXml(processId, newName ?? processId), revision: undefined, source: 'new' };
}
