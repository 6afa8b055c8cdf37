import { type ScriptInput, type ScriptProvider, type ScriptResult, scriptSchema } from '@reelsmith/core';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { check } from './contract-violation.js';
import { describeProviderContract } from './describe-provider-contract.js';

/** Options of {@link describeScriptProviderContract}. */
export type ScriptProviderContractOptions = ProviderContractOptions<ScriptProvider, ScriptInput>;

/** @internal How the script suite calls and checks a provider. */
export const scriptContract: CapabilityContract<ScriptProvider, ScriptInput, ScriptResult> = {
  capability: 'script',
  method: 'generateScript',
  call: (provider, input, options) => provider.generateScript(input, options),
  checkResult(result, _input, where) {
    const parsed = scriptSchema.safeParse(result.script);
    const problems = parsed.success
      ? ''
      : parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
          .join('; ');
    check(parsed.success, where, `script does not match scriptSchema: ${problems}`);
  },
};

/**
 * Registers the `ScriptProvider` contract suite: declaration, a successful `generateScript`
 * whose script parses with `scriptSchema`, abort handling and every fault case, served by msw.
 */
export function describeScriptProviderContract(options: ScriptProviderContractOptions): void {
  describeProviderContract(scriptContract, options);
}
