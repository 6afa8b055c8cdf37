/**
 * Thrown by the contract checks when a provider breaks the contract. The message says which
 * suite and case failed, what was expected, and what the provider did instead.
 */
export class ContractViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolation';
  }
}

/** @internal Throws a {@link ContractViolation} prefixed with `where` unless `condition` holds. */
export function check(condition: unknown, where: string, problem: string): asserts condition {
  if (!condition) fail(where, problem);
}

/** @internal Throws a {@link ContractViolation} prefixed with `where`. */
export function fail(where: string, problem: string): never {
  throw new ContractViolation(`[reelsmith/testkit] ${where}: ${problem}`);
}

/** @internal A short description of a thrown value for violation messages. */
export function describeThrown(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return `${typeof value} ${JSON.stringify(value)}`;
  } catch {
    return String(value);
  }
}

/** @internal True for a finite number ≥ 0. */
export function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
