import type { VoiceInput, VoiceProvider, WordTiming } from '@reelsmith/core';
import { ProviderError } from '@reelsmith/core';
import { createWav } from '../media/wav.js';
import { type FakeCallLog, type FakeOptions, FakeRuntime } from './fake-runtime.js';

/** Options of {@link createFakeVoiceProvider}. */
export interface FakeVoiceProviderOptions extends FakeOptions {}

/** An in-memory `VoiceProvider` that records its calls. */
export interface FakeVoiceProvider extends VoiceProvider, FakeCallLog<VoiceInput> {}

/** Pause between words, in milliseconds. */
const gapMs = 60;
/** Silence after the last word. */
const tailMs = 200;

/** Word timings for `text`: longer words take longer; `speed` divides every duration. */
export function estimateWordTimings(text: string, speed = 1): WordTiming[] {
  const words: WordTiming[] = [];
  let cursor = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const durationMs = Math.round((120 + 45 * word.length) / speed);
    words.push({ word, startMs: cursor, endMs: cursor + durationMs });
    cursor += durationMs + Math.round(gapMs / speed);
  }
  return words;
}

/**
 * A `VoiceProvider` with no network: returns a silent WAV (8 kHz, 8-bit mono) as long as the
 * text would take to say, with word timings derived from the text. Empty text is an
 * `invalid_input` error, as with real services.
 */
export function createFakeVoiceProvider(options: FakeVoiceProviderOptions = {}): FakeVoiceProvider {
  const runtime = new FakeRuntime<VoiceInput>('fake:voice', options);
  return {
    specificationVersion: 'v1',
    id: runtime.id,
    capability: 'voice',
    get calls() {
      return runtime.calls;
    },
    get callCount() {
      return runtime.calls.length;
    },
    synthesize: (input, callOptions) =>
      runtime.run(input, callOptions?.signal, () => {
        const words = estimateWordTimings(input.text, input.speed ?? 1);
        const last = words.at(-1);
        if (!last) {
          throw new ProviderError({ kind: 'invalid_input', provider: runtime.id, message: 'text is empty' });
        }
        const durationMs = last.endMs + tailMs;
        return {
          audio: createWav({ durationMs }),
          mediaType: 'audio/wav',
          durationMs,
          words,
          cost: runtime.cost(),
          warnings: [],
        };
      }),
    estimateCost: () => runtime.cost(),
  };
}
