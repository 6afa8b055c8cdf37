import { hasMarker, ReelsmithError } from '../errors/reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.compliance');

/** The compliance rules the guard enforces. */
export type ComplianceRule =
  | 'spoken-price'
  | 'undated-price'
  | 'copied-review'
  | 'implied-endorsement'
  | 'disclosure-does-not-fit';

/** One broken rule: where, what, and how to fix it. */
export interface ComplianceViolation {
  rule: ComplianceRule;
  /** The script or caption field, e.g. `scenes[2].text` or `captions.instagram`. */
  field: string;
  problem: string;
  fix: string;
}

/**
 * Thrown by the compliance guard before any money is spent on images or voice. Each violation
 * names the rule, the field and the fix. Not retried: the same script would break the same rule.
 */
export class ComplianceError extends ReelsmithError {
  private readonly [marker] = true;
  readonly violations: readonly ComplianceViolation[];

  constructor(violations: readonly ComplianceViolation[]) {
    const lines = violations.map(
      (violation) =>
        `  - [${violation.rule}] \`${violation.field}\`: ${violation.problem}. Fix: ${violation.fix}`,
    );
    super(`[reelsmith] [compliance] the script breaks ${violations.length} rule(s):\n${lines.join('\n')}`);
    this.name = 'ComplianceError';
    this.violations = violations;
  }

  static override isInstance(error: unknown): error is ComplianceError {
    return hasMarker(error, marker);
  }
}
