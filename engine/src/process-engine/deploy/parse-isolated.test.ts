import { describe, expect, it } from 'vitest';
import { parseIsolated } from './parse-isolated.js';

const header =
  '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">';

describe('parsing deployments in a worker thread', () => {
  it('parses a valid file', async () => {
    const xml = `${header}<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/></bpmn:process></bpmn:definitions>`;
    const result = await parseIsolated(xml);
    expect(result.problems).toEqual([]);
    expect(result.processes.map((p) => p.bpmnProcessId)).toEqual(['p']);
  });

  it('gives up on a file that takes too long to read, without blocking this thread', async () => {
    // Tens of thousands of unknown elements: bpmn-moddle's warnings make this slow (quadratic).
    const xml = `${header}<bpmn:process id="p" isExecutable="true">${'<bpmn:x/>'.repeat(60_000)}</bpmn:process></bpmn:definitions>`;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const started = Date.now();
    const result = await parseIsolated(xml, 1_000);
    clearInterval(ticker);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.problems[0]!.message).toMatch(/longer than 1 s/);
    expect(ticks).toBeGreaterThan(10); // the event loop kept running meanwhile
  });
});
