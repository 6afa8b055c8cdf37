import type { RunOutcome } from '@reelsmith/core';

/** Renders an aligned text table. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(format)].join(
    '\n',
  );
}

interface PhaseFacts {
  durationMs: number;
  costUsd: number;
  providers: string[];
  skipped: boolean;
}

/** The end-of-command summary: one row per run (status, time, cost, outputs) and, per run, the phases. */
export function formatSummary(
  outcomes: readonly RunOutcome[],
  labels: Map<string, string>,
  phasesOf: (runId: string) => Record<string, PhaseFacts> | undefined,
): string {
  const runRows = outcomes.map((outcome) => {
    const label = labels.get(outcome.runId) ?? outcome.runId;
    if (outcome.status === 'failed') {
      const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      return [label, 'failed', '', '', message.split('\n')[0]!.slice(0, 100)];
    }
    const report = outcome.result.outputs.report as { urls?: Record<string, string> } | undefined;
    const urls = Object.values(report?.urls ?? {}).join(' ');
    return [
      label,
      'ok',
      `${(outcome.result.durationMs / 1000).toFixed(1)} s`,
      `$${outcome.result.costUsd.toFixed(4)}`,
      urls,
    ];
  });
  const sections = [formatTable(['run', 'status', 'time', 'cost', 'output / error'], runRows)];
  for (const outcome of outcomes) {
    const phases = phasesOf(outcome.runId);
    if (!phases) continue;
    const rows = Object.entries(phases).map(([name, facts]) => [
      name,
      facts.skipped ? 'skipped' : `${(facts.durationMs / 1000).toFixed(1)} s`,
      `$${facts.costUsd.toFixed(4)}`,
      facts.providers.join(', ') || '—',
    ]);
    sections.push(
      `\n${labels.get(outcome.runId) ?? outcome.runId}\n${formatTable(['phase', 'time', 'cost', 'provider'], rows)}`,
    );
  }
  return sections.join('\n');
}
