import { createRequire } from 'node:module';
import { type CheckResult, runChecks } from '../doctor/checks.js';
import { exitCodes } from '../exit-codes.js';
import type { ProgressOutput } from '../progress/progress-view.js';

const marks: Record<CheckResult['status'], string> = { ok: '✔', warn: '!', fail: '✘' };

/** `reelsmith doctor`: checks what Reelsmith needs and prints how to fix what is missing. */
export async function doctorCommand(
  output: ProgressOutput,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const require = createRequire(import.meta.url);
  const results = await runChecks({
    env,
    nodeVersion: process.version,
    cwd: process.cwd(),
    resolvePackage: (name) => {
      try {
        return require.resolve(`${name}/package.json`);
      } catch {
        return undefined;
      }
    },
  });
  for (const result of results) {
    output.write(`${marks[result.status]} ${result.name}: ${result.detail}\n`);
    if (result.fix && result.status !== 'ok') output.write(`    fix: ${result.fix}\n`);
  }
  const failed = results.filter((result) => result.status === 'fail').length;
  output.write(failed === 0 ? '\nReady.\n' : `\n${failed} problem(s) to fix before rendering.\n`);
  return failed === 0 ? exitCodes.ok : exitCodes.someFailed;
}
