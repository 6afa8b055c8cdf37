import {
  type CallOptions,
  type CallWarning,
  type Cost,
  ProviderError,
  type VoiceInput,
  type VoiceProvider,
  type VoiceResult,
} from '@reelsmith/core';
import { audioLayout, type ElevenLabsOutputFormat } from './audio/output-format.js';
import { type ElevenLabsModelSpec, unknownElevenLabsModelSpec } from './elevenlabs-models.js';
import { characterCost, hasPrice } from './elevenlabs-prices.js';
import type { ResolvedElevenLabsSettings } from './elevenlabs-settings.js';
import {
  callProviderOptionsSchema,
  type ElevenLabsCallProviderOptions,
  type ElevenLabsVoiceOptions,
  type ElevenLabsVoiceSettings,
} from './elevenlabs-voice-options.js';
import { countCharacters, splitText } from './split-text.js';
import { type ChunkPlan, synthesizeChunks } from './synthesize-chunks.js';

/** What a voice model needs from its provider. */
export interface ElevenLabsVoiceModelConfig {
  settings: ResolvedElevenLabsSettings;
  options: ElevenLabsVoiceOptions;
  /** The API key, resolved (and registered as a secret) at the first call. */
  apiKey: () => string;
}

/** Lowest and highest `voice_settings.speed` ElevenLabs accepts. */
const speedRange = [0.7, 1.2] as const;

/**
 * An ElevenLabs text-to-speech model as a Reelsmith `VoiceProvider`: speech with character
 * timestamps (`convertWithTimestamps`), turned into word timings; long scripts are split under
 * the model's per-request limit and stitched. Created by `elevenlabs.voice()`.
 */
export class ElevenLabsVoiceModel implements VoiceProvider {
  readonly specificationVersion = 'v1';
  readonly capability = 'voice';
  /** `elevenlabs:<model id>`. */
  readonly id: string;
  /** The model id sent as `model_id`. */
  readonly modelId: string;
  private readonly spec: ElevenLabsModelSpec;
  private readonly outputFormat: ElevenLabsOutputFormat;

  constructor(private readonly config: ElevenLabsVoiceModelConfig) {
    this.modelId = config.options.modelId ?? config.settings.defaultModel;
    this.id = `elevenlabs:${this.modelId}`;
    this.spec = config.settings.models[this.modelId] ?? unknownElevenLabsModelSpec;
    this.outputFormat = config.options.outputFormat ?? config.settings.outputFormat;
  }

  /** Synthesizes `input.text`; see the README for the request, stitching and error mapping. */
  async synthesize(input: VoiceInput, options: CallOptions = {}): Promise<VoiceResult> {
    options.signal?.throwIfAborted();
    const warnings: CallWarning[] = [];
    const plan = this.plan(input, warnings);
    const { settings } = this.config;
    const transport = {
      apiKey: this.config.apiKey(),
      baseURL: settings.baseURL,
      headers: settings.headers,
      fetch: settings.fetch,
      timeoutMs: settings.timeoutMs,
    };
    const context = {
      provider: this.id,
      voiceId: plan.voiceId,
      modelId: this.modelId,
      outputFormat: this.outputFormat,
      concurrencyRetryAfterMs: settings.concurrencyRetryAfterMs,
    };
    const speech = await synthesizeChunks(plan, transport, context, options);
    if (!hasPrice(settings.prices, this.modelId)) {
      warnings.push({
        type: 'other',
        message:
          `the price table dated ${settings.prices.date} has no price for "${this.modelId}"; the cost uses ` +
          `${settings.prices.defaultCreditsPerCharacter} credit(s) per character. Add it with createElevenLabs({ prices }).`,
      });
    }
    return {
      audio: speech.audio,
      mediaType: speech.mediaType,
      durationMs: speech.durationMs,
      words: speech.words,
      cost: characterCost(settings.prices, this.modelId, speech.characters),
      warnings: [...warnings, ...speech.warnings],
    };
  }

  /** The cost of `input` from the price table: its characters (as split into requests) × credits × USD. */
  estimateCost(input: VoiceInput): Cost {
    const chunks = splitText(typeof input.text === 'string' ? input.text : '', this.spec.maxCharacters);
    const characters = chunks.reduce((sum, chunk) => sum + countCharacters(chunk), 0);
    return characterCost(this.config.settings.prices, this.modelId, characters);
  }

  // -------------------------------------------------------------------------------------------

  private plan(input: VoiceInput, warnings: CallWarning[]): ChunkPlan {
    const { settings, options } = this.config;
    const text = typeof input.text === 'string' ? input.text : '';
    const chunks = splitText(text, this.spec.maxCharacters);
    if (chunks.length === 0) this.invalid('`text` is empty: pass the script to speak');
    const call = this.callOptions(input);
    const voiceSettings: ElevenLabsVoiceSettings = {
      ...settings.voiceSettings,
      ...options.voiceSettings,
      ...this.speed(input.speed, warnings),
      ...call.voiceSettings,
    };
    const languageCode = call.languageCode ?? primaryLanguage(input.language);
    if (languageCode && !this.spec.languageCode) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'language',
        message: `"${this.modelId}" does not take a language code; it detects the language from the text`,
      });
    }
    const request: ChunkPlan['base'] = {
      modelId: this.modelId,
      outputFormat: this.outputFormat,
      ...(Object.keys(voiceSettings).length > 0 ? { voiceSettings } : {}),
      ...pick({ ...options, ...call }, ['seed', 'applyTextNormalization', 'pronunciationDictionaryLocators']),
      ...(languageCode && this.spec.languageCode ? { languageCode } : {}),
    };
    return {
      chunks,
      voiceId: this.voiceId(input.voice),
      base: request,
      stitching: this.spec.stitching,
      contextCharacters: settings.contextCharacters,
      maxSplitRetries: settings.maxSplitRetries,
      layout: audioLayout(this.outputFormat),
    };
  }

  private voiceId(requested: string | undefined): string {
    const { settings, options } = this.config;
    const name = requested ?? options.voiceId ?? settings.defaultVoiceId;
    const alias = Object.entries(settings.voices).find(
      ([key]) => key === name || key.toLowerCase() === name.toLowerCase(),
    );
    return alias ? alias[1] : name;
  }

  private speed(speed: number | undefined, warnings: CallWarning[]): ElevenLabsVoiceSettings {
    if (speed === undefined) return {};
    if (!Number.isFinite(speed) || speed <= 0) this.invalid(`\`speed\` must be a number > 0, got ${speed}`);
    const clamped = Math.min(speedRange[1], Math.max(speedRange[0], speed));
    if (clamped !== speed) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'speed',
        message: `ElevenLabs speaks at ${speedRange[0]}–${speedRange[1]}× speed; ${speed} was clamped to ${clamped}`,
      });
    }
    return clamped === 1 ? {} : { speed: clamped };
  }

  private callOptions(input: VoiceInput): ElevenLabsCallProviderOptions {
    const raw = input.providerOptions?.elevenlabs;
    if (raw === undefined) return {};
    const parsed = callProviderOptionsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = ['providerOptions', 'elevenlabs', ...(issue?.path ?? []).map(String)].join('.');
    return this.invalid(`\`${field}\` is invalid: ${issue?.message ?? 'see ElevenLabsCallProviderOptions'}`);
  }

  private invalid(message: string): never {
    throw new ProviderError({ kind: 'invalid_input', provider: this.id, message });
  }
}

/** `en-US` → `en`. */
function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
