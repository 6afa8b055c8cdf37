/** One row of the preview's cost and timing table. */
export interface PhaseRow {
  phase: string;
  providers: string[];
  durationMs?: number;
  costUsd?: number;
  skipped?: boolean;
}

/** What the preview shows from the extra metadata. */
export interface PreviewDetails {
  /** Caption text per platform. */
  captions: [platform: string, caption: string][];
  phases: PhaseRow[];
  totalCostUsd?: number;
  totalDurationMs?: number;
}

/** Metadata keys the preview understands; the rest is shown as JSON. */
export const previewKeys = [
  'captions',
  'phases',
  'summary',
  'costs',
  'timings',
  'providers',
  'costUsd',
  'durationMs',
];

/**
 * Reads the extra metadata the pipeline passes (all optional):
 * - `captions`: `{ [platform]: text }` or `[{ platform, text }]`;
 * - `phases` (or `summary.phases`, the shape of the run summary): `{ [phase]: { durationMs, costUsd, providers, skipped } }`;
 * - `costs` (USD), `timings` (ms) and `providers` (name or names), each `{ [phase]: value }`;
 * - `costUsd` (or `summary.costUsd`) and `durationMs`: the run's totals.
 * Values of the wrong type are ignored.
 */
export function readPreviewDetails(metadata: Record<string, unknown>): PreviewDetails {
  const summary = record(metadata.summary);
  const rows = new Map<string, PhaseRow>();
  const row = (phase: string) => {
    let found = rows.get(phase);
    if (!found) {
      found = { phase, providers: [] };
      rows.set(phase, found);
    }
    return found;
  };
  for (const source of [record(summary?.phases), record(metadata.phases)]) {
    for (const [phase, value] of Object.entries(source ?? {})) {
      const entry = record(value);
      if (!entry) continue;
      const target = row(phase);
      target.durationMs = finite(entry.durationMs) ?? target.durationMs;
      target.costUsd = finite(entry.costUsd) ?? target.costUsd;
      target.providers = names(entry.providers ?? entry.provider) ?? target.providers;
      if (typeof entry.skipped === 'boolean') target.skipped = entry.skipped;
    }
  }
  for (const [phase, value] of Object.entries(record(metadata.costs) ?? {})) {
    const usd = finite(value);
    if (usd !== undefined) row(phase).costUsd = usd;
  }
  for (const [phase, value] of Object.entries(record(metadata.timings) ?? {})) {
    const ms = finite(value);
    if (ms !== undefined) row(phase).durationMs = ms;
  }
  for (const [phase, value] of Object.entries(record(metadata.providers) ?? {})) {
    const list = names(value);
    if (list) row(phase).providers = list;
  }
  const phases = [...rows.values()];
  const summed = phases.reduce((sum, phase) => sum + (phase.costUsd ?? 0), 0);
  const totalCostUsd =
    finite(metadata.costUsd) ??
    finite(summary?.costUsd) ??
    (phases.some((p) => p.costUsd !== undefined) ? summed : undefined);
  return {
    captions: readCaptions(metadata.captions),
    phases,
    totalCostUsd,
    totalDurationMs: finite(metadata.durationMs) ?? finite(summary?.durationMs),
  };
}

// ---------------------------------------------------------------------------------------------

function readCaptions(value: unknown): [string, string][] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const entry = record(item);
      const text = entry?.text ?? entry?.caption;
      return typeof entry?.platform === 'string' && typeof text === 'string' ? [[entry.platform, text]] : [];
    }) as [string, string][];
  }
  return Object.entries(record(value) ?? {}).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function names(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}
