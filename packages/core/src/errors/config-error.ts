import { hasMarker, ReelsmithError } from './reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.config');

/** One problem found in a user's configuration or input. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. `budget.perRunUsd` or `phases[2].needs`. */
  field: string;
  /** What is wrong. */
  problem: string;
  /** How to fix it. */
  fix: string;
}

/**
 * Thrown when configuration or input is invalid, before any money is spent.
 * Its message names every bad field, what was wrong, and how to fix it.
 */
export class ConfigError extends ReelsmithError {
  private readonly [marker] = true;
  readonly issues: readonly ConfigIssue[];
  /** Where the configuration came from, e.g. `definePipeline` or `createFal`. */
  readonly source: string;

  constructor(source: string, issues: readonly ConfigIssue[], options: { cause?: unknown } = {}) {
    super(formatConfigMessage(source, issues), options);
    this.name = 'ConfigError';
    this.source = source;
    this.issues = issues;
  }

  /** The first issue's field, for quick checks. */
  get field(): string | undefined {
    return this.issues[0]?.field;
  }

  static override isInstance(error: unknown): error is ConfigError {
    return hasMarker(error, marker);
  }
}

function formatConfigMessage(source: string, issues: readonly ConfigIssue[]): string {
  const lines = issues.map((issue) => `  - \`${issue.field}\`: ${issue.problem}. Fix: ${issue.fix}`);
  return `[reelsmith] [${source}] invalid configuration:\n${lines.join('\n')}`;
}
