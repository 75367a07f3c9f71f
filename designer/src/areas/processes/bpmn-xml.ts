/** Pure helpers over BPMN XML text: new documents, the process id, and clones (RQ25). */

export const processIdPattern = /^[A-Za-z_][\w.-]{0,199}$/;

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const processTag = /<((?:[\w.-]+:)?process)\b([^>]*)>/;

/** A new executable process with one start event, as Camunda Modeler starts one. */
export function newProcessXml(processId: string, name: string): string {
  const id = escapeAttribute(processId);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:tramit="http://tramit.dev/schema/bpmn/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${id}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Tramit" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="${id}" name="${escapeAttribute(name)}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="152" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(attributes)?.[1];
}

/** The id and name of the (first) process a document defines. */
export function readProcess(xml: string): { id: string; name: string | undefined } | undefined {
  const match = processTag.exec(xml);
  const id = match ? attribute(match[2] ?? '', 'id') : undefined;
  return id ? { id, name: attribute(match![2] ?? '', 'name') } : undefined;
}

/**
 * The same process under a new id and name: the process element, the diagram plane that shows it
 * and any participant's `processRef` follow; everything else (Zeebe extensions too) stays as written.
 */
export function cloneProcessXml(xml: string, newId: string, newName: string): string {
  const current = readProcess(xml);
  if (!current) throw new Error('the document defines no process');
  const oldId = current.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const id = escapeAttribute(newId);
  return xml
    .replace(processTag, (_, tag: string, attributes: string) => {
      const renamed = attributes.replace(/(\sid\s*=\s*")[^"]*"/, `$1${id}"`);
      const named = /\sname\s*=\s*"/.test(renamed)
        ? renamed.replace(/(\sname\s*=\s*")[^"]*"/, `$1${escapeAttribute(newName)}"`)
        : `${renamed.replace(/\s*\/?$/, '')} name="${escapeAttribute(newName)}"${renamed.endsWith('/') ? ' /' : ''}`;
      return `<${tag}${named}>`;
    })
    .replace(new RegExp(`(\\s(?:bpmnElement|processRef)\\s*=\\s*")${oldId}"`, 'g'), `$1${id}"`);
}
