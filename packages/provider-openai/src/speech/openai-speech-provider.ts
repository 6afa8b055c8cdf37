import {
  type CallOptions,
  type CallWarning,
  type Cost,
  ProviderError,
  type VoiceInput,
  type VoiceProvider,
  type VoiceResult,
} from '@reelsmith/core';
import type { SpeechCreateParams } from 'openai/resources/audio/speech';
import { sendToOpenAI } from '../openai-call.js';
import { type OpenAIClientSource, requestOptions } from '../openai-client.js';
import { speechCost } from '../openai-cost.js';
import { OpenAIModelProvider } from '../openai-model-provider.js';
import { speechModelTakesInstructions } from '../openai-models.js';
import type { ResolvedOpenAISettings } from '../openai-settings.js';
import { joinSpeechAudio } from './speech-audio.js';
import { splitForSpeech } from './split-text.js';
import { estimateWordTimings } from './word-timings.js';

/** Content types a speech answer may carry; anything else (JSON, HTML) is not audio. */
const audioContentType = /^(?:audio\/|application\/octet-stream)/i;

/**
 * Text to speech with `audio.speech.create`, a fallback voice for captions: the binary answer is
 * kept as bytes (never parsed as JSON), its exact duration is read from the returned format
 * (MP3 frames, WAV header, or raw PCM size), and word timings are estimated from the text and
 * that duration (OpenAI returns none; a `warnings` entry of type `estimated` says so). Texts
 * over `speech.maxCharacters` are split at sentence ends and the audio joined.
 * Provider id `openai:speech:<model>`.
 */
export class OpenAISpeechProvider extends OpenAIModelProvider implements VoiceProvider {
  readonly capability = 'voice';

  constructor(modelId: string, client: OpenAIClientSource, settings: ResolvedOpenAISettings) {
    super('speech', modelId, client, settings);
  }

  /** Per character, or per minute at `speech.charactersPerMinute` (divided by `speed`). */
  estimateCost(input: VoiceInput): Cost {
    const characters = (input.text ?? '').length;
    const minutes = characters / this.settings.speech.charactersPerMinute / (input.speed ?? 1);
    return speechCost(this.settings.prices, this.modelId, characters, Math.round(minutes * 60_000)).cost;
  }

  async synthesize(input: VoiceInput, options: CallOptions = {}): Promise<VoiceResult> {
    options.signal?.throwIfAborted();
    const settings = this.settings.speech;
    const parts = this.#check(input);
    const warnings: CallWarning[] = [
      {
        type: 'estimated',
        message:
          'word timings are estimated from the text and the audio duration (OpenAI TTS returns no timestamps)',
      },
    ];
    const params = this.#params(input, warnings);
    const client = this.client();
    const bodies: Uint8Array[] = [];
    let status = 200;
    let requestId: string | undefined;
    for (const [index, part] of parts.entries()) {
      options.onProgress?.({
        fraction: index / parts.length,
        message: `speaking part ${index + 1} of ${parts.length}`,
      });
      const answer = await sendToOpenAI(
        () => client.audio.speech.create({ ...params, input: part }, requestOptions(options)),
        { provider: this.id, model: this.modelId, signal: options.signal },
      );
      ({ status, requestId } = answer);
      const contentType = answer.data.headers.get('content-type') ?? '';
      if (contentType !== '' && !audioContentType.test(contentType)) {
        answer.data.body?.cancel().catch(() => undefined);
        throw this.#error(
          'unknown',
          'unexpected_content_type',
          `the speech answer is \`${contentType}\`, not audio`,
          status,
          requestId,
        );
      }
      bodies.push(await this.#readBody(answer.data, options, status, requestId));
    }
    const joined = joinSpeechAudio(settings.format, bodies);
    if (typeof joined === 'number') {
      const where = parts.length > 1 ? ` (part ${joined + 1} of ${parts.length})` : '';
      throw this.#error(
        'unknown',
        'invalid_audio',
        `the speech answer${where} is not ${settings.format} audio`,
        status,
        requestId,
      );
    }
    const words: VoiceResult['words'] = [];
    let offset = 0;
    parts.forEach((part, index) => {
      const duration = joined.partDurationsMs[index] ?? 0;
      words.push(...estimateWordTimings(part, duration, offset));
      offset += duration;
    });
    const durationMs = Math.round(joined.durationMs);
    const characters = parts.reduce((sum, part) => sum + part.length, 0);
    const priced = speechCost(this.settings.prices, this.modelId, characters, durationMs);
    options.onProgress?.({ fraction: 1, message: 'voice-over ready' });
    return {
      audio: joined.audio,
      mediaType: joined.mediaType,
      durationMs,
      words,
      cost: priced.cost,
      warnings: [...warnings, ...priced.warnings],
    };
  }

  #check(input: VoiceInput): string[] {
    const invalid = (field: string, message: string) =>
      new ProviderError({
        kind: 'invalid_input',
        provider: this.id,
        code: 'invalid_input',
        message: `\`${field}\` ${message}`,
      });
    if (typeof input?.text !== 'string' || !/[\p{L}\p{N}]/u.test(input.text))
      throw invalid('text', 'has nothing to say');
    if (input.speed !== undefined && !(input.speed >= 0.25 && input.speed <= 4)) {
      throw invalid('speed', `must be from 0.25 to 4, got ${input.speed}`);
    }
    return splitForSpeech(input.text, this.settings.speech.maxCharacters);
  }

  #params(input: VoiceInput, warnings: CallWarning[]): Omit<SpeechCreateParams, 'input'> {
    const settings = this.settings.speech;
    const voice = input.voice ?? settings.voice;
    const extra = (input.providerOptions?.openai ?? {}) as { instructions?: unknown };
    let instructions: string | undefined;
    if (speechModelTakesInstructions(this.modelId)) {
      const base = typeof extra.instructions === 'string' ? extra.instructions : settings.instructions;
      instructions = input.language ? `${base} Speak in the language ${input.language}.` : base;
    } else if (input.language || extra.instructions !== undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting: input.language ? 'language' : 'providerOptions.openai.instructions',
        message: `${this.modelId} takes no instructions; the voice speaks the text as written`,
      });
    }
    return {
      model: this.modelId,
      voice: voice.startsWith('voice_') ? { id: voice } : voice,
      response_format: settings.format,
      ...(input.speed !== undefined ? { speed: input.speed } : {}),
      ...(instructions ? { instructions } : {}),
    };
  }

  async #readBody(response: Response, options: CallOptions, status: number, requestId: string | undefined) {
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const detail = error instanceof Error ? error.message : String(error);
      throw this.#error(
        'transient',
        'connection_error',
        `the audio download broke off: ${detail}`,
        status,
        requestId,
      );
    }
  }

  #error(
    kind: 'unknown' | 'transient',
    code: string,
    message: string,
    status: number,
    requestId: string | undefined,
  ) {
    return new ProviderError({ kind, provider: this.id, code, message, status, requestId });
  }
}
