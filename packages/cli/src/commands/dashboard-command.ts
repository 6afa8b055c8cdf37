import { createDashboard } from '@reelsmith/dashboard';
import { exitCodes, UsageError } from '../exit-codes.js';
import { eventLogFrom, type OperationsFlags } from '../operations/stores-from-flags.js';
import type { ProgressOutput } from '../progress/progress-view.js';

/** Flags of `reelsmith dashboard`. */
export interface DashboardFlags extends OperationsFlags {
  port?: number | string;
  host?: string;
  token?: string;
  budgetRun?: number | string;
  budgetDay?: number | string;
}

/**
 * `reelsmith dashboard`: serves the monitoring page over the event log (the Redis stream with
 * `--redis`, else `<data-dir>/events.jsonl`) until SIGINT/SIGTERM. Bound to 127.0.0.1 unless
 * `--host` says otherwise, which then needs `--token` (or `REELSMITH_DASHBOARD_TOKEN`).
 */
export async function dashboardCommand(
  flags: DashboardFlags,
  output: ProgressOutput,
  env: NodeJS.ProcessEnv = process.env,
  stopSignal?: AbortSignal,
): Promise<number> {
  const port = flags.port === undefined ? 4170 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0–65535');
  const token = flags.token ?? env.REELSMITH_DASHBOARD_TOKEN;
  const perRunUsd = flags.budgetRun === undefined ? undefined : Number(flags.budgetRun);
  const perDayUsd = flags.budgetDay === undefined ? undefined : Number(flags.budgetDay);
  const log = eventLogFrom(flags, env);
  const dashboard = await createDashboard({
    log,
    port,
    ...(flags.host ? { host: flags.host } : {}),
    ...(token ? { token } : {}),
    ...(perRunUsd !== undefined || perDayUsd !== undefined
      ? {
          budget: {
            ...(perRunUsd !== undefined ? { perRunUsd } : {}),
            ...(perDayUsd !== undefined ? { perDayUsd } : {}),
          },
        }
      : {}),
  });
  output.write(`Dashboard: ${dashboard.url}\n`);
  const login = dashboard.createLoginUrl();
  if (login) output.write(`Login link (one use, 10 min): ${login}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
    stopSignal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await dashboard.close();
  await log.close?.();
  return exitCodes.ok;
}
