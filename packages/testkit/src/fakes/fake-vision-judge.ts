import type { JudgeInput, VisionJudge } from '@reelsmith/core';
import { type FakeCallLog, type FakeOptions, FakeRuntime } from './fake-runtime.js';

/** Options of {@link createFakeVisionJudge}. */
export interface FakeVisionJudgeOptions extends FakeOptions {
  /** The score to give (0–1), or a function of the input and the call index. Default 0.9. */
  score?: number | ((input: JudgeInput, callIndex: number) => number);
}

/** An in-memory `VisionJudge` that records its calls. */
export interface FakeVisionJudge extends VisionJudge, FakeCallLog<JudgeInput> {}

/** A `VisionJudge` with no network that returns a configurable score (default 0.9). */
export function createFakeVisionJudge(options: FakeVisionJudgeOptions = {}): FakeVisionJudge {
  const runtime = new FakeRuntime<JudgeInput>('fake:vision-judge', options);
  return {
    specificationVersion: 'v1',
    id: runtime.id,
    capability: 'vision-judge',
    get calls() {
      return runtime.calls;
    },
    get callCount() {
      return runtime.calls.length;
    },
    judge: (input, callOptions) =>
      runtime.run(input, callOptions?.signal, (callIndex) => {
        const raw =
          typeof options.score === 'function' ? options.score(input, callIndex) : (options.score ?? 0.9);
        const score = Math.min(1, Math.max(0, raw));
        return {
          score,
          reason: `Fake judge scored the image ${score.toFixed(2)}.`,
          cost: runtime.cost(),
          warnings: [],
        };
      }),
    estimateCost: () => runtime.cost(),
  };
}
