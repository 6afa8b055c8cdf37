import {
  type CallOptions,
  type CallWarning,
  ConfigError,
  type Cost,
  ProviderError,
  type VoiceInput,
  type VoiceProvider,
  type VoiceResult,
} from '@reelsmith/core';
import { alignWordTimings, type TimedEvent } from './align-word-timings.js';
import { encodeWav } from './encode-wav.js';
import { escapeSsml } from './escape-ssml.js';
import { type EspeakEngine, loadEspeakEngine } from './espeak-engine.js';
import {
  type EspeakVoiceSettings,
  maximumRate,
  minimumRate,
  parseEspeakVoiceSettings,
  type ResolvedEspeakVoiceSettings,
} from './espeak-voice-settings.js';
import { splitSentences } from './split-sentences.js';
import { splitWords, type TextWord } from './split-words.js';

/** The eSpeak NG voice provider: free, so `estimateCost` is always zero. */
export interface EspeakVoiceProvider extends VoiceProvider {
  estimateCost(input: VoiceInput): Cost;
}

/** Used when neither the settings, the call's `voice` nor its `language` name one. */
const fallbackVoice = 'en-us';

/**
 * Creates an offline `VoiceProvider` on eSpeak NG (compiled to WebAssembly, voices included; no
 * download, no key). It returns a 16-bit mono WAV at the engine's rate (22,050 Hz) and word timings
 * from eSpeak's own word events. Nothing is loaded until the first `synthesize` call, which reads
 * the module and its voice data once per process (about 0.1–0.2 s).
 *
 * Licence: this package is GPL-3.0-or-later because eSpeak NG is; see the README.
 *
 * @throws {ConfigError} when a setting is invalid, naming the field and the fix.
 *
 * @example
 * ```ts
 * const voice = createEspeakVoice({ voice: 'en-us', rate: 170 });
 * const { audio, words } = await voice.synthesize({ text: 'Meet the kettle that boils in 90 seconds.' });
 * ```
 */
export function createEspeakVoice(settings: EspeakVoiceSettings = {}): EspeakVoiceProvider {
  const resolved = parseEspeakVoiceSettings(settings);
  return {
    specificationVersion: 'v1',
    id: resolved.id,
    capability: 'voice',
    synthesize: (input, options) => synthesize(resolved, input, options),
    estimateCost: () => ({ usd: 0 }),
  };
}

/** A ready eSpeak NG voice provider with default settings (`en-us`, 165 words per minute). */
export const espeakVoice: EspeakVoiceProvider = createEspeakVoice();

// ---------------------------------------------------------------------------------------------

async function synthesize(
  settings: ResolvedEspeakVoiceSettings,
  input: VoiceInput,
  options: CallOptions = {},
): Promise<VoiceResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const { text, words } = checkInput(settings.id, input);
  const warnings: CallWarning[] = [];
  const rate = resolveRate(settings, input.speed, warnings);

  const engine = await abortable(loadEngine(settings.id), signal);
  signal?.throwIfAborted();
  const voice = resolveVoice(engine, settings, input, warnings);

  const pieces = splitSentences(text);
  const blocks: Int16Array[] = [];
  const events: TimedEvent[] = [];
  let sampleCount = 0;
  for (const [index, piece] of pieces.entries()) {
    // Let the event loop run (timers, the abort) between pieces.
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    const escaped = escapeSsml(text.slice(piece.start, piece.end));
    const output = engine.synthesize(escaped.text, { voice, rate, pitch: settings.pitch });
    const offsetMs = (sampleCount * 1000) / engine.sampleRate;
    for (const event of output.events) {
      const type = eventType(event.type, event.id);
      if (type === undefined) continue;
      const position = piece.start + escaped.sourceOffset(event.text_position - 1);
      events.push({ type, position, timeMs: offsetMs + event.audio_position });
    }
    blocks.push(...output.samples);
    sampleCount += output.sampleCount;
    onProgress?.({
      fraction: (index + 1) / pieces.length,
      message: `sentence ${index + 1} of ${pieces.length}`,
    });
  }
  if (sampleCount === 0) {
    throw new ProviderError({
      kind: 'unknown',
      provider: settings.id,
      message: 'eSpeak NG produced no audio',
    });
  }

  const durationMs = Math.round((sampleCount * 1000) / engine.sampleRate);
  const aligned = alignWordTimings(words, events, durationMs);
  if (aligned.estimated) {
    warnings.push({
      type: 'estimated',
      message: 'eSpeak NG reported no word events; word timings are estimated from word lengths',
    });
  }
  return {
    audio: encodeWav(blocks, engine.sampleRate),
    mediaType: 'audio/wav',
    durationMs,
    words: aligned.words,
    cost: { usd: 0 },
    warnings,
  };
}

function checkInput(provider: string, input: VoiceInput): { text: string; words: TextWord[] } {
  const text: unknown = input?.text;
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ProviderError({
      kind: 'invalid_input',
      provider,
      message: '`text` is empty. Fix: pass the script to speak as `input.text`.',
    });
  }
  const words = splitWords(text);
  if (words.length === 0) {
    throw new ProviderError({
      kind: 'invalid_input',
      provider,
      message:
        '`text` has no words (only punctuation or symbols). Fix: pass the script to speak as `input.text`.',
    });
  }
  return { text, words };
}

function resolveRate(
  settings: ResolvedEspeakVoiceSettings,
  speed: number | undefined,
  warnings: CallWarning[],
) {
  if (speed === undefined) return settings.rate;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0) {
    throw new ProviderError({
      kind: 'invalid_input',
      provider: settings.id,
      message: `\`speed\` is ${String(speed)}. Fix: pass a multiplier above 0 (1 is normal).`,
    });
  }
  const wanted = Math.round(settings.rate * speed);
  const rate = Math.min(maximumRate, Math.max(minimumRate, wanted));
  if (rate !== wanted) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'speed',
      message: `speed ${speed} asks for ${wanted} words per minute; eSpeak NG speaks ${minimumRate}–${maximumRate}, so ${rate} was used`,
    });
  }
  return rate;
}

function resolveVoice(
  engine: EspeakEngine,
  settings: ResolvedEspeakVoiceSettings,
  input: VoiceInput,
  warnings: CallWarning[],
): string {
  if (input.voice !== undefined) {
    if (engine.hasVoice(input.voice)) return input.voice;
    throw new ProviderError({
      kind: 'invalid_input',
      provider: settings.id,
      message: `eSpeak NG has no voice ${JSON.stringify(input.voice)} (\`voice\`). Fix: use a voice such as en-us, en, de or fr.`,
    });
  }
  if (settings.voice !== undefined) {
    if (engine.hasVoice(settings.voice)) return settings.voice;
    throw new ConfigError('createEspeakVoice', [
      {
        field: 'voice',
        problem: `eSpeak NG has no voice ${JSON.stringify(settings.voice)}`,
        fix: 'use an eSpeak NG voice such as `en-us`, `en`, `de` or `fr`, or leave it out for `en-us`',
      },
    ]);
  }
  if (input.language !== undefined) {
    const tag = input.language.toLowerCase();
    const candidate = [tag, tag.split('-')[0] ?? tag].find((name) => engine.hasVoice(name));
    if (candidate) return candidate;
    warnings.push({
      type: 'unsupported-setting',
      setting: 'language',
      message: `eSpeak NG has no voice for language ${JSON.stringify(input.language)}; ${fallbackVoice} was used`,
    });
  }
  return fallbackVoice;
}

function eventType(type: string, id: unknown): TimedEvent['type'] | undefined {
  switch (type) {
    case 'word':
      return 'word';
    case 'phoneme':
      return id === '' ? 'pause' : 'phoneme';
    case 'end':
    case 'msg_terminated':
      return 'clause-end';
    default:
      return undefined;
  }
}

async function loadEngine(provider: string): Promise<EspeakEngine> {
  try {
    return await loadEspeakEngine();
  } catch (error) {
    throw new ProviderError({
      kind: 'model_unavailable',
      provider,
      message:
        'could not load eSpeak NG (@echogarden/espeak-ng-emscripten). Fix: reinstall the package so espeak-ng.js and espeak-ng.data are present.',
      cause: error,
    });
  }
}

/** Resolves like `promise`, but rejects with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
