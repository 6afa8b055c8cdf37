/** Exit codes of the `reelsmith` command. */
export const exitCodes = {
  /** Every run succeeded. */
  ok: 0,
  /** At least one run failed. */
  someFailed: 1,
  /** Bad input: unknown option, unreadable jobs file, invalid configuration. */
  badInput: 2,
} as const;

/** A problem with what the user typed or passed; exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
