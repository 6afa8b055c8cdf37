import type { ESpeakNgWorker, EspeakNgEvent } from '@echogarden/espeak-ng-emscripten';

/** Voice parameters of one synthesis call. */
export interface EngineVoiceParameters {
  voice: string;
  /** Words per minute. */
  rate: number;
  /** 0–100, 50 is the voice's normal pitch. */
  pitch: number;
}

/** What eSpeak NG produced for one piece of text. */
export interface EngineOutput {
  /** Blocks of 16-bit mono samples, in order. */
  samples: Int16Array[];
  sampleCount: number;
  /** Events in order; `audio_position` counts from the start of this piece. */
  events: EspeakNgEvent[];
}

/** The loaded eSpeak NG module: one synthesizer shared by every provider instance in the process. */
export interface EspeakEngine {
  readonly sampleRate: number;
  /** Selects a voice; false when eSpeak NG does not know it. */
  hasVoice(voice: string): boolean;
  /** Synthesizes `text` (eSpeak's SSML: `<`, `>` and `&` must be escaped) synchronously. */
  synthesize(text: string, parameters: EngineVoiceParameters): EngineOutput;
}

let enginePromise: Promise<EspeakEngine> | undefined;

/**
 * Loads the eSpeak NG WebAssembly module and its voice data (about 24 MB, read from the package
 * folder) the first time it is called; later calls share the same promise. A failed load is
 * forgotten so the next call tries again.
 */
export function loadEspeakEngine(): Promise<EspeakEngine> {
  enginePromise ??= createEngine().catch((error: unknown) => {
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}

// ---------------------------------------------------------------------------------------------

async function createEngine(): Promise<EspeakEngine> {
  const { default: initialize } = await import('@echogarden/espeak-ng-emscripten');
  const module = await initialize();
  const worker: ESpeakNgWorker = new module.eSpeakNGWorker();
  return {
    sampleRate: worker.get_samplerate(),
    hasVoice: (voice) => worker.set_voice(voice) === 0,
    synthesize(text, parameters) {
      // Settings are global to the module and calls from several providers may interleave
      // between pieces, so every piece sets them again.
      if (worker.set_voice(parameters.voice) !== 0) {
        throw new Error(`eSpeak NG does not know the voice ${JSON.stringify(parameters.voice)}`);
      }
      worker.set_rate(parameters.rate);
      worker.set_pitch(parameters.pitch);
      const samples: Int16Array[] = [];
      const events: EspeakNgEvent[] = [];
      let sampleCount = 0;
      worker.synthesize(text, (block, blockEvents) => {
        if (block.length > 0) {
          samples.push(block);
          sampleCount += block.length;
        }
        events.push(...blockEvents);
        return 0;
      });
      return { samples, sampleCount, events };
    },
  };
}
