// Types for the parts of `@echogarden/espeak-ng-emscripten` this package uses (the package ships none).
declare module '@echogarden/espeak-ng-emscripten' {
  /** One event eSpeak NG reports with a block of samples. */
  export interface EspeakNgEvent {
    type:
      | 'list_terminated'
      | 'word'
      | 'sentence'
      | 'mark'
      | 'play'
      | 'end'
      | 'msg_terminated'
      | 'phoneme'
      | 'samplerate';
    /** 1-based position in the input text, counted in Unicode code points. */
    text_position: number;
    /** Length of the word in code points (`word` events). */
    word_length: number;
    /** Milliseconds from the start of the synthesis call. */
    audio_position: number;
    /** The word number (`word`, `sentence`), or the phoneme / mark name. */
    id?: string | number;
  }

  /** The eSpeak NG synthesizer instance. Its settings are global to the module. */
  export interface ESpeakNgWorker {
    /** Returns 0 on success, non-zero when the voice is unknown. */
    set_voice(voice: string): number;
    set_rate(wordsPerMinute: number): number;
    set_pitch(pitch: number): number;
    get_samplerate(): number;
    /** Synthesizes synchronously; `callback` receives 16-bit samples and events block by block. */
    synthesize(text: string, callback: (samples: Int16Array, events: EspeakNgEvent[]) => unknown): void;
  }

  /** The initialized Emscripten module. */
  export interface ESpeakNgModule {
    eSpeakNGWorker: new () => ESpeakNgWorker;
  }

  const initialize: (moduleArgument?: Record<string, unknown>) => Promise<ESpeakNgModule>;
  export default initialize;
}
