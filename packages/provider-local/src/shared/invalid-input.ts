import { ProviderError } from '@reelsmith/core';

/**
 * Builds the `invalid_input` {@link ProviderError} the local providers throw for a bad call
 * input. The message names the field, the problem and the fix.
 */
export function invalidInput(provider: string, field: string, problem: string, fix: string): ProviderError {
  return new ProviderError({
    kind: 'invalid_input',
    provider,
    code: 'invalid_input',
    message: `\`${field}\` ${problem}. Fix: ${fix}`,
  });
}
