import type { VoiceInput, VoiceProvider, VoiceResult } from '@reelsmith/core';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { check, isNonNegativeNumber } from './contract-violation.js';
import { describeProviderContract } from './describe-provider-contract.js';

/** Options of {@link describeVoiceProviderContract}. */
export type VoiceProviderContractOptions = ProviderContractOptions<VoiceProvider, VoiceInput>;

/** @internal How the voice suite calls and checks a provider. */
export const voiceContract: CapabilityContract<VoiceProvider, VoiceInput, VoiceResult> = {
  capability: 'voice',
  method: 'synthesize',
  call: (provider, input, options) => provider.synthesize(input, options),
  checkResult(result, _input, where) {
    check(
      result.audio instanceof Uint8Array && result.audio.length > 0,
      where,
      'audio must be non-empty bytes',
    );
    check(
      typeof result.mediaType === 'string' && result.mediaType.startsWith('audio/'),
      where,
      `mediaType must be an audio media type, got ${JSON.stringify(result.mediaType)}`,
    );
    check(
      typeof result.durationMs === 'number' && Number.isFinite(result.durationMs) && result.durationMs > 0,
      where,
      `durationMs must be a finite number > 0, got ${result.durationMs}`,
    );
    check(Array.isArray(result.words) && result.words.length > 0, where, 'words must be a non-empty array');
    let previousStart = 0;
    result.words.forEach((word, index) => {
      const at = `words[${index}]`;
      check(
        typeof word.word === 'string' && word.word.length > 0,
        where,
        `${at}.word must be a non-empty string`,
      );
      check(isNonNegativeNumber(word.startMs), where, `${at}.startMs must be a finite number ≥ 0`);
      check(
        isNonNegativeNumber(word.endMs) && word.endMs >= word.startMs,
        where,
        `${at}.endMs must be ≥ startMs`,
      );
      check(
        word.startMs >= previousStart,
        where,
        `${at} starts before the previous word (timings must be in order)`,
      );
      previousStart = word.startMs;
    });
  },
};

/**
 * Registers the `VoiceProvider` contract suite: declaration, a successful `synthesize` with
 * ordered word timings, abort handling and every fault case, served by msw.
 */
export function describeVoiceProviderContract(options: VoiceProviderContractOptions): void {
  describeProviderContract(voiceContract, options);
}
