import type { Behaviour } from './behaviour.js';

/** Service, send, business-rule and job-based script tasks, message end events: work for a job worker. */
export const jobTask: Behaviour = {
  activate(x, element, node) {
    const job = node.job!;
    const context = x.visibleVariables(element.key);
    const type = x.feel.evaluate(job.type, context);
    if (!type.ok || typeof type.value !== 'string' || type.value === '') {
      const message = type.ok
        ? `Expected the job type to be a non-empty string, got ${JSON.stringify(type.value)}`
        : type.message;
      x.raiseIncident(element, 'EXTRACT_VALUE_ERROR', `Job type of '${node.id}': ${message}`, 'activate');
      return;
    }
    const retries = x.feel.evaluate(job.retries, context);
    const count = retries.ok ? Number(retries.value) : NaN;
    if (!Number.isInteger(count) || count < 0) {
      const message = retries.ok
        ? `Expected retries to be a whole number, got ${JSON.stringify(retries.value)}`
        : retries.message;
      x.raiseIncident(element, 'EXTRACT_VALUE_ERROR', `Job retries of '${node.id}': ${message}`, 'activate');
      return;
    }
    x.effects.push({
      kind: 'job.created',
      job: {
        key: x.keys.next(),
        type: type.value,
        retries: count,
        elementInstanceKey: element.key,
        elementId: node.id,
        customHeaders: job.headers,
      },
    });
  },
};
