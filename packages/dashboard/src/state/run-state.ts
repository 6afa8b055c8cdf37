import type { ErrorSummary, EventRecord, ReelsmithEvents } from '@reelsmith/core';
import type { PhaseView, RunView } from './run-view.js';

type Payload<E extends keyof ReelsmithEvents> = ReelsmithEvents[E];

/** Creates the view of a run first seen in `record` (a `run:start` or any event of an unknown run). */
export function newRun(runId: string, at: string): RunView {
  return {
    runId,
    status: 'running',
    stale: false,
    attempts: 0,
    startedAt: at,
    costUsd: 0,
    platforms: [],
    phases: [],
    outputs: [],
    retries: 0,
    fallbacks: 0,
    lastEventAt: at,
  };
}

function phaseOf(run: RunView, name: string): PhaseView {
  let phase = run.phases.find((candidate) => candidate.name === name);
  if (!phase) {
    phase = {
      name,
      status: 'running',
      costUsd: 0,
      providers: [],
      calls: 0,
      retries: 0,
      fallbacks: [],
      warnings: 0,
    };
    run.phases.push(phase);
    const platform = name.startsWith('publish:') ? name.slice('publish:'.length) : undefined;
    if (platform && !run.platforms.includes(platform)) run.platforms.push(platform);
  }
  return phase;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function errorOf(value: unknown): ErrorSummary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const out: ErrorSummary = { name: str(raw.name) ?? 'Error', message: str(raw.message) ?? '' };
  if (typeof raw.kind === 'string') out.kind = raw.kind;
  if (typeof raw.provider === 'string') out.provider = raw.provider;
  if (typeof raw.status === 'number') out.status = raw.status;
  return out;
}

/** Keeps a URL only when it is http(s): a post URL becomes a link on the page. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Applies one run-scoped event to `run` (mutating it). Events are trusted only as far as their
 * shape: every field is read defensively, since the log may hold events of other versions.
 */
export function applyRunEvent(run: RunView, record: EventRecord): void {
  const payload = (record.payload ?? {}) as Record<string, unknown>;
  const at = str(payload.at) ?? record.at;
  if (at > run.lastEventAt) run.lastEventAt = at;
  switch (record.name) {
    case 'run:start': {
      const p = payload as Partial<Payload<'run:start'>>;
      run.attempts += 1;
      if (run.attempts === 1) run.startedAt = at;
      run.status = 'running';
      delete run.endedAt;
      delete run.durationMs;
      delete run.error;
      if (p.jobId !== undefined) run.jobId = String(p.jobId);
      if (typeof p.title === 'string') run.title = p.title;
      // A resumed run starts its unfinished phases again; finished ones are reported as skipped.
      run.phases = run.phases.filter((phase) => phase.status === 'succeeded' || phase.status === 'skipped');
      return;
    }
    case 'run:end': {
      const p = payload as Partial<Payload<'run:end'>>;
      run.status =
        p.status === 'succeeded' || p.status === 'failed' || p.status === 'cancelled' ? p.status : 'failed';
      run.endedAt = at;
      run.durationMs = num(p.durationMs);
      run.costUsd = num(p.costUsd);
      const error = errorOf(p.error);
      if (error) run.error = { ...error, ...(run.error?.phase ? { phase: run.error.phase } : {}) };
      delete run.current;
      for (const phase of run.phases)
        if (phase.status === 'running' && run.status !== 'succeeded') phase.status = 'failed';
      return;
    }
    case 'phase:start': {
      const phase = phaseOf(run, String(payload.phase));
      phase.status = 'running';
      phase.startedAt = at;
      return;
    }
    case 'phase:end': {
      const p = payload as Partial<Payload<'phase:end'>>;
      const phase = phaseOf(run, String(p.phase));
      phase.status = 'succeeded';
      phase.endedAt = at;
      phase.durationMs = num(p.durationMs);
      phase.costUsd = num(p.costUsd);
      if (Array.isArray(p.providers) && p.providers.length > 0) phase.providers = p.providers.map(String);
      phase.fraction = 1;
      if (run.current?.phase === phase.name) delete run.current;
      return;
    }
    case 'phase:skip': {
      const phase = phaseOf(run, String(payload.phase));
      phase.status = 'skipped';
      phase.endedAt = at;
      return;
    }
    case 'phase:error': {
      const phase = phaseOf(run, String(payload.phase));
      phase.status = 'failed';
      phase.endedAt = at;
      const error = errorOf(payload.error);
      if (error) {
        phase.error = error;
        run.error ??= { ...error, phase: phase.name };
      }
      return;
    }
    case 'phase:warning': {
      phaseOf(run, String(payload.phase)).warnings += 1;
      return;
    }
    case 'provider:call': {
      if (typeof payload.phase !== 'string') return;
      const phase = phaseOf(run, payload.phase);
      phase.calls += 1;
      const provider = str(payload.provider);
      if (provider && phase.status === 'running') phase.providers = [provider];
      return;
    }
    case 'provider:retry': {
      run.retries += 1;
      if (typeof payload.phase === 'string') phaseOf(run, payload.phase).retries += 1;
      return;
    }
    case 'provider:fallback': {
      run.fallbacks += 1;
      if (typeof payload.phase !== 'string') return;
      const to = str(payload.to);
      phaseOf(run, payload.phase).fallbacks.push({
        from: String(payload.from),
        ...(to !== undefined ? { to } : {}),
        reason: String(payload.reason ?? ''),
        at,
      });
      return;
    }
    case 'cost:add': {
      if (run.status === 'running') run.costUsd = Math.max(run.costUsd, num(payload.totalUsd));
      return;
    }
    case 'progress': {
      if (typeof payload.phase !== 'string') return;
      const phase = phaseOf(run, payload.phase);
      const fraction =
        typeof payload.fraction === 'number' ? Math.min(1, Math.max(0, payload.fraction)) : undefined;
      if (fraction !== undefined) phase.fraction = fraction;
      const message = str(payload.message);
      if (message !== undefined) phase.message = message.slice(0, 200);
      run.current = {
        phase: phase.name,
        ...(phase.fraction !== undefined ? { fraction: phase.fraction } : {}),
        ...(phase.message !== undefined ? { message: phase.message } : {}),
      };
      return;
    }
    case 'publish:done': {
      const post = (payload.post ?? {}) as Record<string, unknown>;
      const platform = String(payload.platform ?? post.platform ?? 'unknown');
      if (!run.platforms.includes(platform)) run.platforms.push(platform);
      const url = safeUrl(post.url);
      const publishedAt = str(post.publishedAt);
      run.outputs = run.outputs.filter((output) => output.platform !== platform);
      run.outputs.push({
        platform,
        id: String(post.id ?? ''),
        ...(url !== undefined ? { url } : {}),
        ...(publishedAt !== undefined ? { publishedAt } : {}),
        reconciled: payload.reconciled === true,
      });
      return;
    }
    default:
      return;
  }
}
