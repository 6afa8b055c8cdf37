import { performance } from 'node:perf_hooks';
import { type CostLedger, createCostLedger } from '../budget/cost-ledger.js';
import { CheckpointCorruptError } from '../errors/checkpoint-corrupt-error.js';
import { PhaseError } from '../errors/phase-error.js';
import { summarizeError } from '../errors/summarize-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { ProviderRuntime } from '../resilience/provider-runtime.js';
import type { RetrySettings } from '../resilience/with-retry.js';
import { redactText, redactValue } from '../secrets/redact.js';
import type { CallWarning } from '../spec/call-options.js';
import type { CheckpointStore } from '../spec/checkpoint-store.js';
import type { Job } from '../spec/job.js';
import type { MediaStore } from '../spec/media-store.js';
import { assertJsonValue } from '../stores/json-value.js';
import type { AnyPhase, PhaseContext } from './phase.js';
import { publishOnce } from './publish-once.js';
import { type PhaseRecord, phaseKey, type RunRecord, type RunSummary, runKey } from './run-record.js';

/** The outcome of a successful run. */
export interface RunResult {
  runId: string;
  jobId: string;
  status: 'succeeded';
  /** Phase outputs by name (as checkpointed: JSON, redacted). */
  outputs: Record<string, unknown>;
  costUsd: number;
  durationMs: number;
  /** True when the run continued an earlier one. */
  resumed: boolean;
  /** Phases skipped because a checkpoint held their output. */
  skipped: string[];
  /** Per phase: time, cost, the providers paid, and whether it was skipped. */
  phases: RunSummary['phases'];
}

/** What one run needs from its pipeline. */
export interface RunEnvironment {
  phases: readonly AnyPhase[];
  checkpoints: CheckpointStore;
  media: MediaStore;
  events: EventBus;
  runtime: ProviderRuntime;
  budgetUsd: number | undefined;
  retry: RetrySettings | false;
  secrets: readonly string[];
}

/** Runs every phase of `environment` for `job` as run `runId`, resuming from checkpoints. */
export async function executeRun(
  environment: RunEnvironment,
  job: Job,
  runId: string,
  outerSignal?: AbortSignal,
): Promise<RunResult> {
  const { checkpoints, events } = environment;
  const started = performance.now();
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outerSignal?.reason);
  outerSignal?.addEventListener('abort', onOuterAbort, { once: true });
  if (outerSignal?.aborted) controller.abort(outerSignal.reason);

  const resumed = (await checkpoints.keys(runId)).length > 0;
  const ledger = createCostLedger({ runId, limitUsd: environment.budgetUsd, events });
  const startedAt = new Date().toISOString();
  const label = job.title ?? job.asin ?? job.url;
  events.emit('run:start', {
    runId,
    jobId: job.id,
    ...(label ? { title: label } : {}),
    resumed,
    at: startedAt,
  });

  const outputs: Record<string, unknown> = {};
  const summary: RunSummary = { runId, costUsd: 0, phases: {} };
  const skipped: string[] = [];
  const running = new Map<string, Promise<void>>();
  let failure: { phase: string; error: unknown } | undefined;
  const writes: Promise<void>[] = [
    checkpoints
      .set(runId, runKey, { runId, job, status: 'running', startedAt } satisfies RunRecord)
      .catch((error: unknown) => {
        failure ??= { phase: '(run record)', error };
      }),
  ];

  const runPhase = async (phase: AnyPhase): Promise<void> => {
    await Promise.all(phase.needs.map((need) => running.get(need)));
    controller.signal.throwIfAborted();
    const record = await readPhaseRecord(checkpoints, runId, phase.name, (error) =>
      events.emit('phase:warning', {
        runId,
        phase: phase.name,
        warning: { type: 'other', message: `${(error as Error).message} The phase runs again.` },
      }),
    );
    if (record) {
      ledger.restore(record.costUsd);
      summary.phases[phase.name] = {
        durationMs: record.durationMs,
        costUsd: record.costUsd,
        providers: record.providers ?? [],
        skipped: true,
      };
      outputs[phase.name] = record.output;
      skipped.push(phase.name);
      events.emit('phase:skip', {
        runId,
        phase: phase.name,
        reason: 'checkpoint',
        at: new Date().toISOString(),
      });
      return;
    }
    const phaseStarted = performance.now();
    events.emit('phase:start', { runId, phase: phase.name, at: new Date().toISOString() });
    try {
      const context = createContext(
        environment,
        job,
        runId,
        phase,
        outputs,
        controller.signal,
        ledger,
        summary,
      );
      const output = redactValue(await phase.run(context), environment.secrets) ?? null;
      assertJsonValue(output, 'checkpoint', `phases.${phase.name}.output`);
      const durationMs = performance.now() - phaseStarted;
      const costUsd = ledger.byPhase()[phase.name] ?? 0;
      const providers = [
        ...new Set(
          ledger.entries.filter((entry) => entry.phase === phase.name).map((entry) => entry.provider),
        ),
      ];
      summary.phases[phase.name] = { durationMs, costUsd, providers, skipped: false };
      // The record is written while dependents start: a crash in that window re-runs only this phase.
      writes.push(
        checkpoints
          .set(runId, phaseKey(phase.name), {
            output,
            costUsd,
            durationMs,
            providers,
            finishedAt: new Date().toISOString(),
          } satisfies PhaseRecord)
          .catch((error: unknown) => {
            failure ??= { phase: phase.name, error };
          }),
      );
      outputs[phase.name] = JSON.parse(JSON.stringify(output));
      events.emit('phase:end', {
        runId,
        phase: phase.name,
        durationMs,
        costUsd,
        providers,
        at: new Date().toISOString(),
      });
    } catch (error) {
      if (!failure) failure = { phase: phase.name, error };
      events.emit('phase:error', {
        runId,
        phase: phase.name,
        error: summarizeError(error, environment.secrets),
        at: new Date().toISOString(),
      });
      controller.abort(error);
      throw error;
    }
  };

  for (const phase of environment.phases) {
    const promise = runPhase(phase);
    promise.catch(() => {});
    running.set(phase.name, promise);
  }
  await Promise.allSettled(running.values());
  await Promise.all(writes);
  outerSignal?.removeEventListener('abort', onOuterAbort);

  const durationMs = performance.now() - started;
  const endedAt = new Date().toISOString();
  if (failure || controller.signal.aborted) {
    const cancelled = outerSignal?.aborted === true || !failure;
    const error = failure?.error ?? controller.signal.reason;
    const status = cancelled ? 'cancelled' : 'failed';
    await checkpoints.set(runId, runKey, {
      runId,
      job,
      status,
      startedAt,
      endedAt,
      costUsd: ledger.totalUsd,
    } satisfies RunRecord);
    events.emit('run:end', {
      runId,
      jobId: job.id,
      status,
      costUsd: ledger.totalUsd,
      durationMs,
      at: endedAt,
      error: summarizeError(error, environment.secrets),
    });
    const phaseError = new PhaseError(runId, failure?.phase ?? '(cancelled)', error);
    phaseError.message = redactText(phaseError.message, environment.secrets);
    throw phaseError;
  }
  await checkpoints.set(runId, runKey, {
    runId,
    job,
    status: 'succeeded',
    startedAt,
    endedAt,
    costUsd: ledger.totalUsd,
  } satisfies RunRecord);
  events.emit('run:end', {
    runId,
    jobId: job.id,
    status: 'succeeded',
    costUsd: ledger.totalUsd,
    durationMs,
    at: endedAt,
  });
  return {
    runId,
    jobId: job.id,
    status: 'succeeded',
    outputs,
    costUsd: ledger.totalUsd,
    durationMs,
    resumed,
    skipped,
    phases: summary.phases,
  };
}

function createContext(
  environment: RunEnvironment,
  job: Job,
  runId: string,
  phase: AnyPhase,
  outputs: Record<string, unknown>,
  signal: AbortSignal,
  ledger: CostLedger,
  summary: RunSummary,
): PhaseContext {
  const { events, runtime } = environment;
  const inputs = Object.fromEntries(phase.needs.map((need) => [need, outputs[need]]));
  const scope = {
    runId,
    phase: phase.name,
    ledger,
    signal,
    onWarning: (warning: CallWarning, provider: string) =>
      events.emit('phase:warning', { runId, phase: phase.name, warning, provider }),
  };
  return {
    runId,
    job,
    phase: phase.name,
    inputs,
    signal,
    media: environment.media,
    events,
    get costUsd() {
      return ledger.totalUsd;
    },
    use: (provider) => runtime.wrap(provider, scope),
    publish: (publisher, draft) =>
      publishOnce({
        runId,
        publisher,
        wrapped: runtime.wrap(publisher, scope),
        draft,
        checkpoints: environment.checkpoints,
        media: environment.media,
        events,
        signal,
        retry: environment.retry,
      }),
    progress: (progress) => events.emit('progress', { runId, phase: phase.name, ...progress }),
    warn: (warning) => events.emit('phase:warning', { runId, phase: phase.name, warning }),
    summary: () => structuredClone({ ...summary, costUsd: ledger.totalUsd }),
  };
}

async function readPhaseRecord(
  checkpoints: CheckpointStore,
  runId: string,
  phase: string,
  onCorrupt: (error: unknown) => void,
): Promise<PhaseRecord | undefined> {
  try {
    const record = (await checkpoints.get(runId, phaseKey(phase))) as PhaseRecord | undefined;
    return record && typeof record === 'object' && 'output' in record ? record : undefined;
  } catch (error) {
    if (!CheckpointCorruptError.isInstance(error)) throw error;
    onCorrupt(error);
    return undefined;
  }
}
