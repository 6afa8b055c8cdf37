import type { CallOptions, Job, JobSource, JobUpdate } from '@reelsmith/core';
import { createAirtableClient } from './airtable-client.js';
import type { ErrorContext } from './airtable-error.js';
import {
  type AirtableJobSourceOptions,
  type AirtableSourceWarning,
  resolveAirtableOptions,
} from './airtable-source-options.js';
import { pacerFor } from './base-pacer.js';
import { type AirtableRecord, cellText, recordToJob, updateToFields } from './field-mapping.js';
import { listRecords } from './list-records.js';
import { createSchemaLoader } from './schema-loader.js';
import { checkWrites } from './table-schema.js';
import { type RecordWrite, writeRecords } from './write-records.js';

/** One update of {@link AirtableJobSource.updateMany}. */
export interface AirtableJobUpdate {
  jobId: string;
  update: JobUpdate;
}

/** A `JobSource` over one Airtable table, plus batched writes. */
export interface AirtableJobSource extends JobSource {
  /**
   * Applies many updates in `PATCH` requests of at most 10 records each (Airtable's limit), after
   * checking every value against the table schema. Rejects at the first failed request.
   */
  updateMany(updates: readonly AirtableJobUpdate[], options?: CallOptions): Promise<void>;
}

/**
 * Creates a job source over an Airtable table: rows in the pending status become jobs, and the
 * run's status, run id, progress, published links, cost and error are written back.
 *
 * `claim` is best effort: Airtable has no compare-and-set, so it reads the row, writes
 * `processing` and the run id, then reads the row back and succeeds only if its run id stuck.
 * Two workers racing within one round trip can both succeed; strict exclusivity across many
 * workers comes from the queue in front of them (BullMQ deduplication).
 *
 * @example
 * ```ts
 * const jobs = createAirtableJobSource({
 *   apiKey: process.env.AIRTABLE_PAT!,
 *   baseId: 'appA1b2C3d4E5f6G7',
 *   table: 'Videos',
 * });
 * for (const job of await jobs.listPending({ limit: 5 })) {
 *   if (await jobs.claim(job.id, 'run-1')) await jobs.update(job.id, { status: 'done', urls: { youtube: 'https://youtu.be/x' } });
 * }
 * ```
 */
export function createAirtableJobSource(options: AirtableJobSourceOptions): AirtableJobSource {
  const settings = resolveAirtableOptions(options);
  const id = `airtable:${settings.baseId}/${settings.table}`;
  const names = settings.fields;
  const client = createAirtableClient({
    ...settings,
    pacer: pacerFor(settings.endpointUrl, settings.baseId, settings.requestsPerSecond),
  });
  const context: ErrorContext = {
    provider: id,
    baseId: settings.baseId,
    table: settings.table,
    rateLimitPauseMs: settings.rateLimitPauseMs,
    typecast: settings.typecast,
  };
  const warned = new Set<string>();
  const warn = (warning: AirtableSourceWarning) => {
    if (settings.onWarning) return settings.onWarning(warning);
    const key = `${warning.type}:${warning.recordId ?? ''}`;
    if (warned.has(key)) return;
    warned.add(key);
    process.emitWarning(warning.message, { type: 'ReelsmithAirtableWarning', code: warning.type });
  };
  const loadSchema = createSchemaLoader({ client, table: settings.table, context, warn });
  const recordPath = (recordId: string) =>
    `/${encodeURIComponent(settings.table)}/${encodeURIComponent(recordId)}`;

  async function readRecord(recordId: string, signal: AbortSignal | undefined): Promise<AirtableRecord> {
    const body = await client.request(
      { method: 'GET', path: recordPath(recordId) },
      { ...context, recordId },
      signal,
    );
    const fields = typeof body.fields === 'object' && body.fields !== null ? body.fields : {};
    return { id: recordId, fields: fields as Record<string, unknown> };
  }

  async function updateMany(updates: readonly AirtableJobUpdate[], callOptions: CallOptions = {}) {
    const signal = callOptions.signal;
    signal?.throwIfAborted();
    const writes: RecordWrite[] = [];
    for (const { jobId, update } of updates) {
      const { written, unmappedPlatforms } = updateToFields(update, settings);
      for (const platform of unmappedPlatforms) {
        warn({
          type: 'unmapped-url',
          recordId: jobId,
          message:
            `[reelsmith] [${id}] no column for the ${platform} URL of ${jobId}; add ` +
            `\`fields.urls.${platform}\` to keep it.`,
        });
      }
      if (written.length > 0) writes.push({ id: jobId, fields: written });
    }
    if (writes.length === 0) return;
    const schema = settings.schemaCheck ? await loadSchema(signal) : undefined;
    if (schema) {
      checkWrites(
        schema,
        writes.flatMap((write) => write.fields),
        { provider: id, typecast: settings.typecast },
      );
    }
    await writeRecords(client, settings.table, writes, settings.typecast, context, signal);
  }

  return {
    specificationVersion: 'v1',
    capability: 'job-source',
    id,
    updateMany,

    async listPending(callOptions = {}) {
      const { signal, limit } = callOptions;
      signal?.throwIfAborted();
      if (limit !== undefined && limit <= 0) return [];
      const jobs: Job[] = [];
      const kept = await listRecords(
        client,
        {
          table: settings.table,
          filterByFormula: settings.filterByFormula,
          view: settings.view,
          limit,
          accept: (record) => {
            const mapped = recordToJob(record, settings);
            if ('skipped' in mapped) {
              warn({
                type: 'skipped-row',
                recordId: record.id,
                message: `[reelsmith] [${id}] ${mapped.skipped}`,
              });
              return false;
            }
            return true;
          },
        },
        context,
        signal,
      );
      for (const record of kept) {
        const mapped = recordToJob(record, settings);
        if ('job' in mapped) jobs.push(mapped.job);
      }
      return jobs;
    },

    async claim(jobId, runId, callOptions = {}) {
      const signal = callOptions.signal;
      signal?.throwIfAborted();
      const { processing, done, failed } = settings.statusValues;
      const holderOf = (record: AirtableRecord) => cellText(record.fields[names.runId]);
      const statusOf = (record: AirtableRecord) => cellText(record.fields[names.status]);
      const before = await readRecord(jobId, signal);
      const status = statusOf(before);
      if (status === processing) return holderOf(before) === runId;
      if (status === done || status === failed) return false;
      await updateMany([{ jobId, update: { status: 'processing', runId } }], { signal });
      // No compare-and-set in Airtable: read back and keep the job only if our run id stuck.
      const after = await readRecord(jobId, signal);
      return statusOf(after) === processing && holderOf(after) === runId;
    },

    async update(jobId, update, callOptions = {}) {
      await updateMany([{ jobId, update }], callOptions);
    },
  };
}
