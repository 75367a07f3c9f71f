import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../src/infra/logging/logger.js';
import { startJobWorker, type ProcessEngine } from '../src/process-engine/index.js';

/** Deploys every .bpmn file of a folder; unchanged files make no new version. */
export async function deployFolder(engine: ProcessEngine, folder: string, logger: Logger): Promise<void> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.bpmn'));
  if (names.length === 0) return;
  const resources = await Promise.all(
    names.map(async (name) => ({ name, content: await readFile(path.join(folder, name), 'utf8') })),
  );
  const deployment = await engine.deploy(resources);
  logger.info(
    { processes: deployment.processes.map((p) => `${p.bpmnProcessId}@${p.version}`) },
    'definitions deployed',
  );
}

/** The demo's built-in worker: classifies a citizen request by its topic and channel. */
export function startDemoWorkers(engine: ProcessEngine, logger: Logger): { stop(): Promise<void> } {
  return startJobWorker(
    engine,
    'demo.classify',
    async (job) => {
      const topic = String(job.variables.topic ?? '').toLowerCase();
      const urgent = ['leak', 'fuita', 'no water', 'sense aigua', 'flood', 'inundació'].some((word) =>
        topic.includes(word),
      );
      return { priority: urgent ? 'high' : 'normal' };
    },
    logger,
  );
}
