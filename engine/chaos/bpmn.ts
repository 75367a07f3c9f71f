/** The processes the suite deploys (Camunda 8 dialect, no diagram needed). */

const wrap = (id: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${id}" targetNamespace="http://tramit.dev/chaos">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start" />
${body}
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>
`;

const task = (id: string, type: string) =>
  `    <bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements></bpmn:serviceTask>`;
const flow = (id: string, from: string, to: string) =>
  `    <bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

/** start → service task(s) of the given types, in a row → end. */
export function serviceTasks(id: string, types: string[]): string {
  const ids = types.map((_, i) => `t${i + 1}`);
  const chain = ['start', ...ids, 'end'];
  return wrap(
    id,
    [
      ...types.map((type, i) => task(ids[i]!, type)),
      ...chain.slice(1).map((to, i) => flow(`f${i}`, chain[i]!, to)),
    ].join('\n'),
  );
}

/** start → wait for `=delay` (an ISO duration variable) → end. */
export function timerCatch(id: string): string {
  return wrap(
    id,
    [
      '    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>=delay</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      flow('f1', 'start', 'wait'),
      flow('f2', 'wait', 'end'),
    ].join('\n'),
  );
}

/** start → user task → end. */
export function userTask(id: string): string {
  return wrap(
    id,
    [
      '    <bpmn:userTask id="attend" name="Attend"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>',
      flow('f1', 'start', 'attend'),
      flow('f2', 'attend', 'end'),
    ].join('\n'),
  );
}

/** start → fork → tasks a and b → join → task after → end. */
export function parallelJoin(id: string, prefix: string): string {
  return wrap(
    id,
    [
      '    <bpmn:parallelGateway id="fork" />',
      task('a', `${prefix}-a`),
      task('b', `${prefix}-b`),
      '    <bpmn:parallelGateway id="join" />',
      task('after', `${prefix}-after`),
      flow('f1', 'start', 'fork'),
      flow('fa', 'fork', 'a'),
      flow('fb', 'fork', 'b'),
      flow('ja', 'a', 'join'),
      flow('jb', 'b', 'join'),
      flow('f2', 'join', 'after'),
      flow('f3', 'after', 'end'),
    ].join('\n'),
  );
}
