import { ConfigError, ReelsmithError } from '@reelsmith/core';
import { cac } from 'cac';
import {
  type AuthEnvironment,
  type AuthFlags,
  authLoginCommand,
  authRefreshCommand,
  authStatusCommand,
} from './commands/auth-command.js';
import { type CleanupFlags, cleanupCommand } from './commands/cleanup-command.js';
import { type DashboardFlags, dashboardCommand } from './commands/dashboard-command.js';
import { doctorCommand } from './commands/doctor-command.js';
import { type EnqueueFlags, enqueueCommand } from './commands/enqueue-command.js';
import { pendingCommand } from './commands/pending-command.js';
import type { ProviderFlags } from './commands/pipeline-from-flags.js';
import { queueStatusCommand } from './commands/queue-status-command.js';
import { type ReportFlags, reportCommand } from './commands/report-command.js';
import { resumeCommand } from './commands/resume-command.js';
import { type RunFlags, runCommand } from './commands/run-command.js';
import { type WorkerFlags, workerCommand } from './commands/worker-command.js';
import { exitCodes, UsageError } from './exit-codes.js';
import type { ProgressOutput } from './progress/progress-view.js';

/** Where the CLI writes. */
export interface CliIo {
  stdout: ProgressOutput;
  stderr: { write(text: string): void };
  /** The environment for credentials (default `process.env`) and a line reader for `auth login`. */
  auth?: Partial<AuthEnvironment>;
}

const providerOptionHelp: Array<[string, string]> = [
  ['--offline', 'Use the local providers (no API keys, no network)'],
  ['--catalog <file>', 'Offline product catalog (JSON array of products)'],
  ['--config <file>', 'Module exporting the pipeline options (your providers and publishers)'],
  ['--out <dir>', 'Output folder of the local publisher (default: reelsmith-out)'],
  ['--data-dir <dir>', 'Checkpoints and media (default: .reelsmith)'],
  ['--composition <name>', 'classic or wow (a job field "composition" overrides it)'],
  ['--music <file>', 'Background music bed mixed under the voice'],
  ['--browser <path>', 'Chromium/Chrome executable for rendering'],
  ['--budget <usd>', 'Most one video may cost, in US dollars'],
];

/**
 * Runs the `reelsmith` command with `argv` (without `node` and the script path) and resolves
 * with the exit code: 0 all succeeded, 1 some failed, 2 bad input.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = cac('reelsmith');
  let pending: Promise<number> | undefined;
  const run = cli
    .command('run', 'Make videos for jobs given by --title or --jobs')
    .option('--title <title>', 'Product title (repeat for several)', { type: [String] })
    .option('--jobs <file>', 'Jobs file: JSON array or CSV with a header (title,asin,url,id,composition)')
    .option('--concurrency <n>', 'Runs at once (default 1)')
    .option(
      '--pending',
      "Run the pending jobs of the config's jobSource (e.g. an Airtable table) and write results back",
    )
    .option('--limit <n>', 'With --pending: take at most n jobs');
  const resume = cli.command(
    'resume <runId>',
    'Resume a run: finished phases are skipped and not paid again',
  );
  for (const [flag, help] of providerOptionHelp) {
    run.option(flag, help);
    resume.option(flag, help);
  }
  run.action(
    (flags: RunFlags & { concurrency?: number | string; pending?: boolean; limit?: number | string }) => {
      const { limit, pending: fromSource, ...rest } = flags;
      const normalized = normalize(rest);
      pending = fromSource
        ? pendingCommand(
            { ...normalized, ...(limit !== undefined ? { limit: Number(limit) } : {}) },
            io.stdout,
          )
        : runCommand(normalized, io.stdout);
    },
  );
  resume.action((runId: string, flags: ProviderFlags) => {
    pending = resumeCommand(runId, normalize(flags), io.stdout);
  });
  const authEnvironment: AuthEnvironment = { env: process.env, ...io.auth };
  cli
    .command(
      'auth [action] [account]',
      'Accounts: auth login <youtube|gdrive|instagram>, auth status, auth refresh [account]',
    )
    .option('--tokens <file>', 'Token file (default: <data-dir>/tokens.json, mode 0600)')
    .option('--data-dir <dir>', 'Data folder (default: .reelsmith)')
    .option('--kind <kind>', 'youtube, gdrive or instagram, for an account with another name')
    .option('--code <code>', 'The code or redirected URL (else it is read from the terminal)')
    .action((action: string | undefined, account: string | undefined, flags: AuthFlags) => {
      if (action === 'login') {
        if (!account) throw new UsageError('which account? reelsmith auth login youtube|gdrive|instagram');
        pending = authLoginCommand(account, flags, io.stdout, authEnvironment);
      } else if (action === 'status') {
        pending = authStatusCommand(flags, io.stdout, authEnvironment);
      } else if (action === 'refresh') {
        pending = authRefreshCommand(account, flags, io.stdout, authEnvironment);
      } else {
        throw new UsageError('auth needs an action: login <account>, status or refresh [account]');
      }
    });
  cli
    .command('cleanup', 'Delete media of finished runs by age or total size (never an unfinished run)')
    .option('--max-age <age>', 'Delete media of successful runs older than this (30d, 12h, 2w)')
    .option('--max-size <size>', 'Delete the oldest until the media total fits (20GB, 500MiB)')
    .option('--keep-last <n>', 'Always keep the last n successful runs (default 5)')
    .option('--dry-run', 'List what would be deleted and how much space it frees')
    .option('--backup', "Copy to the config's delivery store (e.g. Drive) before deleting")
    .option('--data-dir <dir>', 'Data folder (default: .reelsmith)')
    .option('--config <file>', 'Module exporting the pipeline options (its stores and delivery)')
    .action((flags: CleanupFlags) => {
      pending = cleanupCommand(flags, io.stdout);
    });
  cli
    .command(
      'worker',
      'Run queued videos (BullMQ on Redis) until stopped; checkpoints, limits and breakers shared through Redis',
    )
    .option('--config <file>', 'Module exporting the pipeline options (your providers and publishers)')
    .option('--redis <url>', 'Redis URL (default: REELSMITH_REDIS_URL or redis://127.0.0.1:6379)')
    .option('--queue <name>', 'Queue name (default: reelsmith)')
    .option('--concurrency <n>', 'Videos at once in this worker (default 1)')
    .option('--data-dir <dir>', 'Local data folder (default: .reelsmith)')
    .action((flags: WorkerFlags) => {
      pending = workerCommand(flags, io.stdout);
    });
  cli
    .command(
      'enqueue',
      'Queue products for the workers: --title, --jobs FILE, or --pending rows of the config jobSource',
    )
    .option('--title <title>', 'Product title (repeat for several)', { type: [String] })
    .option('--jobs <file>', 'Jobs file: JSON array or CSV with a header')
    .option('--pending', "Queue the pending rows of the config's jobSource (claimed at once)")
    .option('--config <file>', 'Module exporting the pipeline options (for --pending)')
    .option('--limit <n>', 'With --pending: at most n rows')
    .option('--redis <url>', 'Redis URL (default: REELSMITH_REDIS_URL or redis://127.0.0.1:6379)')
    .option('--queue <name>', 'Queue name (default: reelsmith)')
    .action((flags: EnqueueFlags) => {
      pending = enqueueCommand(flags, io.stdout);
    });
  cli
    .command('queue [action]', 'Queue state: queue status')
    .option('--redis <url>', 'Redis URL (default: REELSMITH_REDIS_URL or redis://127.0.0.1:6379)')
    .option('--queue <name>', 'Queue name (default: reelsmith)')
    .action((action: string | undefined, flags: { redis?: string; queue?: string }) => {
      if (action !== 'status') throw new UsageError('queue needs an action: reelsmith queue status');
      pending = queueStatusCommand(flags, io.stdout);
    });
  cli
    .command('dashboard', 'Serve the monitoring dashboard (127.0.0.1:4170 by default)')
    .option('--port <port>', 'Port (default 4170; 0 picks a free one)')
    .option('--host <host>', 'Address to bind (default 127.0.0.1; others need --token)')
    .option('--token <token>', 'Bearer token (or REELSMITH_DASHBOARD_TOKEN)')
    .option('--budget-run <usd>', 'Budget per video, drawn on the charts')
    .option('--budget-day <usd>', 'Budget per day, drawn on the charts')
    .option('--redis <url>', 'Read the shared Redis event log instead of <data-dir>/events.jsonl')
    .option('--data-dir <dir>', 'Data folder (default: .reelsmith)')
    .action((flags: DashboardFlags) => {
      pending = dashboardCommand(flags, io.stdout);
    });
  cli
    .command(
      'report',
      'Summary of recent runs: made and published per platform, failures by cause, cost, slowest phases',
    )
    .option('--since <when>', '30m, 24h, 7d, 2w or an ISO date (default 24h)')
    .option('--json', 'Print the summary as JSON')
    .option('--redis <url>', 'Read the shared Redis event log instead of <data-dir>/events.jsonl')
    .option('--data-dir <dir>', 'Data folder (default: .reelsmith)')
    .action((flags: ReportFlags) => {
      pending = reportCommand(flags, io.stdout);
    });
  cli.command('doctor', 'Check Node, the browser, ffprobe, disk and credentials').action(() => {
    pending = doctorCommand(io.stdout);
  });
  // cac prints help with console.info; route it to our output instead.
  cli.help((sections) => {
    io.stdout.write(
      `${sections.map((section) => (section.title ? `${section.title}:\n${section.body}` : section.body)).join('\n\n')}\n`,
    );
    return [];
  });
  cli.version('0.0.0');

  try {
    cli.parse(['node', 'reelsmith', ...argv], { run: false });
    if (!cli.matchedCommand) {
      if (cli.options.help || cli.options.version) return exitCodes.ok;
      cli.outputHelp();
      return argv.length === 0 ? exitCodes.ok : exitCodes.badInput;
    }
    await cli.runMatchedCommand();
    return await (pending ?? Promise.resolve(exitCodes.ok));
  } catch (error) {
    io.stderr.write(`reelsmith: ${describe(error)}\n`);
    return isBadInput(error) ? exitCodes.badInput : exitCodes.someFailed;
  }
}

function normalize<T extends ProviderFlags & { concurrency?: number | string; title?: string[] | string }>(
  flags: T,
): T {
  const out: T = { ...flags };
  if (typeof flags.title === 'string') out.title = [flags.title];
  if (flags.concurrency !== undefined) out.concurrency = Number(flags.concurrency);
  if (flags.budget !== undefined) out.budget = Number(flags.budget);
  return out;
}

function isBadInput(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    ConfigError.isInstance(error) ||
    (error instanceof Error && error.name === 'CACError')
  );
}

function describe(error: unknown): string {
  if (ReelsmithError.isInstance(error) || error instanceof UsageError) return error.message;
  if (error instanceof Error && error.name === 'CACError') return `${error.message} (see reelsmith --help)`;
  return error instanceof Error ? error.message : String(error);
}
