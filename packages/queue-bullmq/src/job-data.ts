import { randomBytes } from 'node:crypto';
import { ConfigError, type Job, type JobInput, jobSchema } from '@reelsmith/core';

/** What a queued job carries. The run id is fixed at enqueue: every attempt resumes the same run. */
export interface QueuedJob {
  job: Job;
  runId: string;
  enqueuedAt: string;
}

/** What a finished job returns (BullMQ's `returnvalue`). */
export interface QueuedJobResult {
  runId: string;
  costUsd: number;
  urls: Record<string, string>;
  resumed: boolean;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'job';

/** A full job from a title or a partial job, with a fresh run id. */
export function toQueuedJob(input: JobInput, index: number): QueuedJob {
  const candidate = typeof input === 'string' ? { title: input } : input;
  const label = candidate.title ?? candidate.asin ?? candidate.url ?? 'job';
  const runId = `${slug(label)}-${randomBytes(4).toString('hex')}`;
  const parsed = jobSchema.safeParse({ id: runId, ...candidate });
  if (!parsed.success) {
    throw new ConfigError('enqueue', [
      {
        field: `jobs[${index}]`,
        problem: parsed.error.issues.map((issue) => issue.message).join('; '),
        fix: 'give each job a title, an asin or a url',
      },
    ]);
  }
  return { job: parsed.data, runId, enqueuedAt: new Date().toISOString() };
}

/**
 * The deduplication id of a job: the same product is never queued or run twice at once.
 * An ASIN wins (given, or read from an Amazon product URL of any marketplace: one ASIN is one
 * product), then the normalized URL, then the normalized title.
 */
export function deduplicationId(job: Job): string {
  const fromUrl = job.url?.match(/\/(?:dp|gp\/product|gp\/aw\/d)\/([A-Z0-9]{10})(?:[/?#]|$)/i)?.[1];
  const asin = (job.asin ?? fromUrl)?.toUpperCase();
  if (asin) return `asin:${asin}`;
  if (job.url)
    return `url:${job.url
      .trim()
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .toLowerCase()}`;
  return `title:${(job.title ?? job.id).trim().toLowerCase().replace(/\s+/g, ' ')}`;
}
