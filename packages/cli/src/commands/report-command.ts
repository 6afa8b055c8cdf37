import { buildSummary, formatSummary, parseSince } from '@reelsmith/alerts';
import { exitCodes } from '../exit-codes.js';
import { eventLogFrom, type OperationsFlags } from '../operations/stores-from-flags.js';
import type { ProgressOutput } from '../progress/progress-view.js';

/** Flags of `reelsmith report`. */
export interface ReportFlags extends OperationsFlags {
  since?: string;
  json?: boolean;
}

/** `reelsmith report --since 24h`: videos made and published, failures by cause, cost, slowest phases. */
export async function reportCommand(
  flags: ReportFlags,
  output: ProgressOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const log = eventLogFrom(flags, env);
  try {
    const summary = await buildSummary(log, { since: parseSince(flags.since ?? '24h') });
    output.write(
      flags.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary, { style: 'text' })}\n`,
    );
    return exitCodes.ok;
  } finally {
    await log.close?.();
  }
}
