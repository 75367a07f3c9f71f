/**
 * A process of about `elements` flow elements (start, service and user tasks, exclusive gateways,
 * end, and the sequence flows between them) with diagram layout, as a designer would draw a big one.
 */
export function largeProcessXml(processId: string, elements: number): string {
  const nodes: { id: string; tag: string; width: number; height: number; body: string }[] = [];
  const nodeCount = Math.max(2, Math.floor((elements + 1) / 2));
  for (let i = 0; i < nodeCount; i++) {
    const id = `Node_${i}`;
    if (i === 0) nodes.push({ id, tag: 'startEvent', width: 36, height: 36, body: '' });
    else if (i === nodeCount - 1) nodes.push({ id, tag: 'endEvent', width: 36, height: 36, body: '' });
    else if (i % 3 === 0)
      nodes.push({
        id,
        tag: 'userTask',
        width: 100,
        height: 80,
        body: `<bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="agents" /></bpmn:extensionElements>`,
      });
    else
      nodes.push({
        id,
        tag: 'serviceTask',
        width: 100,
        height: 80,
        body: `<bpmn:extensionElements><zeebe:taskDefinition type="bench.step${i % 7}" /><zeebe:ioMapping><zeebe:input source="=step" target="s${i}" /></zeebe:ioMapping></bpmn:extensionElements>`,
      });
  }
  const perRow = 10;
  const position = (i: number) => ({ x: 150 + (i % perRow) * 160, y: 100 + Math.floor(i / perRow) * 150 });
  const centre = (i: number) => {
    const { x, y } = position(i);
    return { x: x + 50, y: y + 40 };
  };
  const flows = nodes.slice(1).map((node, i) => ({ id: `Flow_${i}`, from: nodes[i]!.id, to: node.id, i }));
  const incoming = (id: string) =>
    flows.filter((f) => f.to === id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`);
  const outgoing = (id: string) =>
    flows.filter((f) => f.from === id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`);
  const semantic = nodes
    .map(
      (n, i) =>
        `<bpmn:${n.tag} id="${n.id}" name="Step ${i}">${n.body}${incoming(n.id).join('')}${outgoing(n.id).join('')}</bpmn:${n.tag}>`,
    )
    .concat(flows.map((f) => `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.from}" targetRef="${f.to}" />`))
    .join('\n    ');
  const shapes = nodes
    .map((n, i) => {
      const c = centre(i);
      return `<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${c.x - n.width / 2}" y="${c.y - n.height / 2}" width="${n.width}" height="${n.height}" /></bpmndi:BPMNShape>`;
    })
    .concat(
      flows.map((f) => {
        const a = centre(f.i);
        const b = centre(f.i + 1);
        return `<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}"><di:waypoint x="${a.x}" y="${a.y}" /><di:waypoint x="${b.x}" y="${b.y}" /></bpmndi:BPMNEdge>`;
      }),
    )
    .join('\n      ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_bench" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" name="Benchmark (${elements} elements)" isExecutable="true">
    ${semantic}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      ${shapes}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
