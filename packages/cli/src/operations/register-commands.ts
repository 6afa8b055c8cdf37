import type { CAC } from 'cac';
import type { CliIo } from '../cli.js';
import {
  type AuthFlags,
  authLoginCommand,
  authRefreshCommand,
  authStatusCommand,
} from '../commands/auth-command.js';
import { type CleanupFlags, cleanupCommand } from '../commands/cleanup-command.js';
import { type DashboardFlags, dashboardCommand } from '../commands/dashboard-command.js';
import { type EnqueueFlags, enqueueCommand } from '../commands/enqueue-command.js';
import { queueStatusCommand } from '../commands/queue-status-command.js';
import { type ReportFlags, reportCommand } from '../commands/report-command.js';
import { type WorkerFlags, workerCommand } from '../commands/worker-command.js';
import { UsageError } from '../exit-codes.js';

/** Receives the promise of the command cac matched. */
type SetPending = (pending: Promise<number>) => void;
type Option = [flag: string, help: string];

const dataDir: Option = ['--data-dir <dir>', 'Data folder (default: .reelsmith)'];
const config: Option = [
  '--config <file>',
  'Module exporting the pipeline options (your providers and publishers)',
];
const redis: Option = ['--redis <url>', 'Redis URL (default: REELSMITH_REDIS_URL or redis://127.0.0.1:6379)'];
const queue: Option = ['--queue <name>', 'Queue name (default: reelsmith)'];
const eventLog: Option = [
  '--redis <url>',
  'Read the shared Redis event log instead of <data-dir>/events.jsonl',
];

function withOptions<C extends { option(flag: string, help: string): C }>(command: C, options: Option[]): C {
  for (const [flag, help] of options) command.option(flag, help);
  return command;
}

/** `reelsmith auth login|status|refresh`. */
export function registerAccountCommands(cli: CAC, io: CliIo, setPending: SetPending): void {
  const environment = { env: process.env, ...io.auth };
  withOptions(
    cli.command(
      'auth [action] [account]',
      'Accounts: auth login <youtube|gdrive|instagram>, auth status, auth refresh [account]',
    ),
    [
      ['--tokens <file>', 'Token file (default: <data-dir>/tokens.json, mode 0600)'],
      dataDir,
      ['--kind <kind>', 'youtube, gdrive or instagram, for an account with another name'],
      ['--code <code>', 'The code or redirected URL (else it is read from the terminal)'],
    ],
  ).action((action: string | undefined, account: string | undefined, flags: AuthFlags) => {
    if (action === 'login') {
      if (!account) throw new UsageError('which account? reelsmith auth login youtube|gdrive|instagram');
      setPending(authLoginCommand(account, flags, io.stdout, environment));
    } else if (action === 'status') {
      setPending(authStatusCommand(flags, io.stdout, environment));
    } else if (action === 'refresh') {
      setPending(authRefreshCommand(account, flags, io.stdout, environment));
    } else {
      throw new UsageError('auth needs an action: login <account>, status or refresh [account]');
    }
  });
}

/** `reelsmith cleanup`, `worker`, `enqueue`, `queue status`, `dashboard` and `report`. */
export function registerOperationsCommands(cli: CAC, io: CliIo, setPending: SetPending): void {
  withOptions(
    cli.command('cleanup', 'Delete media of finished runs by age or total size (never an unfinished run)'),
    [
      ['--max-age <age>', 'Delete media of successful runs older than this (30d, 12h, 2w)'],
      ['--max-size <size>', 'Delete the oldest until the media total fits (20GB, 500MiB)'],
      ['--keep-last <n>', 'Always keep the last n successful runs (default 5)'],
      ['--dry-run', 'List what would be deleted and how much space it frees'],
      ['--backup', "Copy to the config's delivery store (e.g. Drive) before deleting"],
      dataDir,
      ['--config <file>', 'Module exporting the pipeline options (its stores and delivery)'],
    ],
  ).action((flags: CleanupFlags) => setPending(cleanupCommand(flags, io.stdout)));

  withOptions(
    cli.command(
      'worker',
      'Run queued videos (BullMQ on Redis) until stopped; checkpoints, limits and breakers shared through Redis',
    ),
    [config, redis, queue, ['--concurrency <n>', 'Videos at once in this worker (default 1)'], dataDir],
  ).action((flags: WorkerFlags) => setPending(workerCommand(flags, io.stdout)));

  withOptions(
    cli
      .command(
        'enqueue',
        'Queue products for the workers: --title, --jobs FILE, or --pending rows of the config jobSource',
      )
      .option('--title <title>', 'Product title (repeat for several)', { type: [String] }),
    [
      ['--jobs <file>', 'Jobs file: JSON array or CSV with a header'],
      ['--pending', "Queue the pending rows of the config's jobSource (claimed at once)"],
      ['--config <file>', 'Module exporting the pipeline options (for --pending)'],
      ['--limit <n>', 'With --pending: at most n rows'],
      redis,
      queue,
    ],
  ).action((flags: EnqueueFlags) => setPending(enqueueCommand(flags, io.stdout)));

  withOptions(cli.command('queue [action]', 'Queue state: queue status'), [redis, queue]).action(
    (action: string | undefined, flags: { redis?: string; queue?: string }) => {
      if (action !== 'status') throw new UsageError('queue needs an action: reelsmith queue status');
      setPending(queueStatusCommand(flags, io.stdout));
    },
  );

  withOptions(cli.command('dashboard', 'Serve the monitoring dashboard (127.0.0.1:4170 by default)'), [
    ['--port <port>', 'Port (default 4170; 0 picks a free one)'],
    ['--host <host>', 'Address to bind (default 127.0.0.1; others need --token)'],
    ['--token <token>', 'Bearer token (or REELSMITH_DASHBOARD_TOKEN)'],
    ['--budget-run <usd>', 'Budget per video, drawn on the charts'],
    ['--budget-day <usd>', 'Budget per day, drawn on the charts'],
    eventLog,
    dataDir,
  ]).action((flags: DashboardFlags) => setPending(dashboardCommand(flags, io.stdout)));

  withOptions(
    cli.command(
      'report',
      'Summary of recent runs: made and published per platform, failures by cause, cost, slowest phases',
    ),
    [
      ['--since <when>', '30m, 24h, 7d, 2w or an ISO date (default 24h)'],
      ['--json', 'Print the summary as JSON'],
      eventLog,
      dataDir,
    ],
  ).action((flags: ReportFlags) => setPending(reportCommand(flags, io.stdout)));
}
