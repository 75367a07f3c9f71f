/** The process engine as the rest of Tramit sees it: the façade, its errors and its types. */
export { ProcessEngine } from './process-engine.js';
export { EngineError } from './engine-error.js';
export type { CreateInstanceRequest, CreatedInstance } from './commands/instances.js';
export type { JobChanges } from './commands/job-updates.js';
export type { CorrelatedMessage, MessageRequest, PublishedMessage } from './commands/messages.js';
export type { TaskCommandOptions } from './commands/user-tasks.js';
export type { DeployedProcess, Deployment, DeployResource } from './deploy/deploy.js';
export type { ActivatedJob, ActivateJobsRequest } from './scheduling/job-activation.js';
export { startJobWorker, type JobHandler, type JobWorkerEngine } from './scheduling/job-worker.js';
export type { Channel } from './types.js';
