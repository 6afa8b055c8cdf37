// The small harness of `npm run release:check`: named checks with dependencies, quiet child
// processes whose output is shown only when they fail, and the final summary.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A check that failed for a reason it can state (no stack trace in the summary). */
export class CheckFailure extends Error {}

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The files an exports map names, e.g. `dist/index.js`, `dist/index.d.ts`, `package.json`. */
export function exportTargets(manifest) {
  const quoted = JSON.stringify(manifest.exports ?? {}).match(/"\.\/[^"*]+"/g) ?? [];
  return [...new Set(quoted.map((value) => value.slice(3, -1)))];
}

/** Throws a {@link CheckFailure} listing `problems`, when there are any. */
export function failOn(problems, what) {
  if (problems.length > 0) {
    throw new CheckFailure(`${problems.length} ${what}:\n  - ${problems.join('\n  - ')}`);
  }
}

// npm passes its settings to scripts through the environment; the installs in the temp dir must
// not inherit a workspace or prefix from the repo. Colours are off so outputs can be parsed.
const inherited =
  /^npm_(config_(workspaces?|prefix|local_prefix|global|include_workspace_root)|package_|lifecycle_)/i;
export const childEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key))),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

/** Runs a command quietly; resolves its output (and stdout alone), or throws a `CheckFailure` with its last lines. */
export function run(command, args, cwd, { allowFailure = false } = {}) {
  const child = spawnSync(command, args, {
    cwd,
    env: childEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60_000,
  });
  const output = `${child.stdout ?? ''}${child.stderr ?? ''}`.replace(
    /^npm warn Unknown user config.*\n/gm,
    '',
  );
  if (child.status !== 0 && !allowFailure) {
    const tail = output.trim().split('\n').slice(-40).join('\n');
    throw new CheckFailure(
      `\`${command} ${args.join(' ')}\` exited ${child.status ?? child.signal} in ${cwd}\n${tail}`,
    );
  }
  return { output, stdout: child.stdout ?? '', status: child.status };
}

/** Runs named checks in order; a check whose `needs` failed is skipped. */
export function createHarness() {
  const results = [];
  const passed = (name) => results.find((result) => result.name === name)?.ok === true;
  return {
    results,
    /** `check(warn)` returns a one-line detail, or throws. */
    step(name, needs, check) {
      const missing = needs.filter((need) => !passed(need));
      if (missing.length > 0) {
        results.push({
          name,
          ok: false,
          skipped: true,
          detail: `skipped: ${missing.join(', ')} did not pass`,
        });
        return;
      }
      console.log(`\n■ ${name}`);
      const started = Date.now();
      const warnings = [];
      let outcome;
      try {
        outcome = { ok: true, detail: check((message) => warnings.push(message)) };
      } catch (error) {
        outcome = {
          ok: false,
          detail: error instanceof CheckFailure ? error.message : String(error?.stack ?? error),
        };
      }
      results.push({ name, ...outcome, warnings, seconds: (Date.now() - started) / 1000 });
      console.log(`${outcome.ok ? '✔' : '✘'} ${name}: ${outcome.detail}`);
      for (const warning of warnings) console.log(`  ⚠ ${warning}`);
    },
    /** Prints the summary; resolves the exit code. */
    summarize() {
      console.log('\nrelease:check summary');
      for (const result of results) {
        const mark = result.skipped ? '–' : result.ok ? '✔' : '✘';
        const time = result.seconds === undefined ? '        ' : `${result.seconds.toFixed(1).padStart(6)} s`;
        console.log(`  ${mark} ${result.name.padEnd(21)}${time}  ${result.detail.split('\n')[0]}`);
        for (const warning of result.warnings ?? []) console.log(`      ⚠ ${warning}`);
      }
      const failed = results.filter((result) => !result.ok).length;
      console.log(
        failed === 0
          ? '\nrelease:check: ready to release.'
          : `\nrelease:check: ${failed} check(s) did not pass.`,
      );
      return failed === 0 ? 0 : 1;
    },
  };
}
