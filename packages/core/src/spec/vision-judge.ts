import type { CallOptions, CallResult, Cost, ProviderOptions } from './call-options.js';
import type { MediaData } from './media.js';
import type { Provider } from './provider.js';

/** Input of {@link VisionJudge.judge}. */
export interface JudgeInput {
  /** The generated image. */
  image: MediaData;
  /** The product photo it must match. */
  reference: MediaData;
  /** What the image should show (the scene prompt), for judges that read text. */
  prompt?: string;
  providerOptions?: ProviderOptions;
}

/** Result of {@link VisionJudge.judge}. */
export interface JudgeResult extends CallResult {
  /** 0–1: how faithfully the image shows the product. */
  score: number;
  /** One short sentence explaining the score. */
  reason: string;
}

/** Scores a generated image against the product photo. */
export interface VisionJudge extends Provider<'vision-judge'> {
  judge(input: JudgeInput, options?: CallOptions): Promise<JudgeResult>;
  estimateCost?(input: JudgeInput): Cost;
}
