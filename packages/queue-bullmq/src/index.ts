// Public API of @reelsmith/queue-bullmq: the queue (producer), the worker and their types.
export type { QueueConnection } from './connection.js';
export { deduplicationId, type QueuedJob, type QueuedJobResult, toQueuedJob } from './job-data.js';
export {
  createJobQueue,
  type EnqueueResult,
  type JobQueue,
  type JobQueueOptions,
  type QueueCounts,
} from './job-queue.js';
export { createPipelineWorker, type PipelineWorker, type PipelineWorkerOptions } from './pipeline-worker.js';
