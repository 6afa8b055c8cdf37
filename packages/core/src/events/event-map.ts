import type { CallWarning } from '../spec/call-options.js';
import type { Capability } from '../spec/provider.js';
import type { PublishedPost } from '../spec/publisher.js';

/** An error as events carry it: redacted, serializable. */
export interface ErrorSummary {
  name: string;
  message: string;
  /** `ProviderError.kind`, when there is one. */
  kind?: string;
  provider?: string;
  status?: number;
}

/** Identifies where a provider call happened. */
export interface CallSite {
  runId?: string;
  phase?: string;
  provider: string;
  capability: Capability;
  method: string;
}

/** Final state of a run. */
export type RunStatus = 'succeeded' | 'failed' | 'cancelled';

/**
 * Every event Reelsmith emits, by name (`noun:verb`). Payloads are plain, redacted data:
 * safe to log, persist or send to a dashboard.
 */
export interface ReelsmithEvents {
  'run:start': {
    runId: string;
    jobId?: string;
    /** The job's product: its title, else its ASIN or URL. */
    title?: string;
    resumed: boolean;
    at: string;
  };
  'run:end': {
    runId: string;
    jobId?: string;
    status: RunStatus;
    costUsd: number;
    durationMs: number;
    at: string;
    error?: ErrorSummary;
  };
  'phase:start': { runId: string; phase: string; at: string };
  'phase:end': {
    runId: string;
    phase: string;
    durationMs: number;
    costUsd: number;
    /** Ids of the providers that were paid in the phase (the one a fallback chain settled on). */
    providers: string[];
    at: string;
  };
  'phase:skip': { runId: string; phase: string; reason: 'checkpoint'; at: string };
  'phase:error': { runId: string; phase: string; error: ErrorSummary; at: string };
  'phase:warning': { runId: string; phase: string; warning: CallWarning; provider?: string };
  'provider:call': CallSite & { attempt: number; at: string };
  'provider:retry': CallSite & { attempt: number; delayMs: number; error: ErrorSummary };
  'provider:fallback': CallSite & { from: string; to?: string; reason: string; error: ErrorSummary };
  'breaker:open': { provider: string; reason: string; cooldownMs: number; at: string };
  'breaker:close': { provider: string; at: string };
  'cost:add': {
    runId?: string;
    phase?: string;
    provider: string;
    usd: number;
    /** What was billed (`1k characters`, `image`, `quota unit`), for usage against quotas. */
    unit?: string;
    quantity?: number;
    totalUsd: number;
  };
  progress: { runId?: string; phase?: string; provider?: string; fraction?: number; message?: string };
  'publish:done': { runId: string; platform: string; post: PublishedPost; reconciled: boolean };
  'listener:error': { event: string; error: ErrorSummary };
  /** An account's token (or its refresh token) expires within the warning window. */
  'token:expiring': { account: string; provider: string; expiresAt: string; daysLeft: number; at: string };
  /** A token was refreshed and stored. */
  'token:refreshed': { account: string; provider: string; expiresAt?: string; at: string };
  /** A token can no longer be refreshed: the account needs a new login (the reason says why and how). */
  'token:invalid': { account: string; provider: string; reason: string; at: string };
}

/** An event name. */
export type ReelsmithEventName = keyof ReelsmithEvents;
