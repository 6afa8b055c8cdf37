import { ConfigError, ReelsmithError } from '@reelsmith/core';
import { cac } from 'cac';
import type { AuthEnvironment } from './commands/auth-command.js';
import { doctorCommand } from './commands/doctor-command.js';
import { pendingCommand } from './commands/pending-command.js';
import type { ProviderFlags } from './commands/pipeline-from-flags.js';
import { resumeCommand } from './commands/resume-command.js';
import { type RunFlags, runCommand } from './commands/run-command.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { registerAccountCommands, registerOperationsCommands } from './operations/register-commands.js';
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
  registerAccountCommands(cli, io, (next) => {
    pending = next;
  });
  registerOperationsCommands(cli, io, (next) => {
    pending = next;
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
