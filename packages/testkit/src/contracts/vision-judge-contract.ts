import type { JudgeInput, JudgeResult, VisionJudge } from '@reelsmith/core';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { check } from './contract-violation.js';
import { describeProviderContract } from './describe-provider-contract.js';

/** Options of {@link describeVisionJudgeContract}. */
export type VisionJudgeContractOptions = ProviderContractOptions<VisionJudge, JudgeInput>;

/** @internal How the vision-judge suite calls and checks a provider. */
export const visionJudgeContract: CapabilityContract<VisionJudge, JudgeInput, JudgeResult> = {
  capability: 'vision-judge',
  method: 'judge',
  call: (provider, input, options) => provider.judge(input, options),
  checkResult(result, _input, where) {
    check(
      typeof result.score === 'number' && result.score >= 0 && result.score <= 1,
      where,
      `score must be a number in [0, 1], got ${JSON.stringify(result.score)}`,
    );
    check(
      typeof result.reason === 'string' && result.reason.trim().length > 0,
      where,
      'reason must be a non-empty sentence',
    );
  },
};

/**
 * Registers the `VisionJudge` contract suite: declaration, a successful `judge` with a score in
 * [0, 1] and a reason, abort handling and every fault case, served by msw.
 */
export function describeVisionJudgeContract(options: VisionJudgeContractOptions): void {
  describeProviderContract(visionJudgeContract, options);
}
