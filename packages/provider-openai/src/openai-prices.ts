/** Token prices of a chat model, in USD per million tokens. */
export interface ChatModelPrice {
  inputPerMillionTokens: number;
  outputPerMillionTokens: number;
}

/**
 * Prices of an image model. `tokens` (USD per million tokens) gives the billed cost from the
 * `usage` the GPT image models return; `perImage` (USD per image, by quality then `WxH`) is
 * used for estimates and for models that return no usage (`dall-e-3`).
 */
export interface ImageModelPrice {
  tokens?: {
    textInputPerMillion: number;
    imageInputPerMillion: number;
    imageOutputPerMillion: number;
  };
  perImage?: Record<string, Record<string, number>>;
}

/** Price of a speech model: per million input characters, or per minute of audio. */
export interface SpeechModelPrice {
  perMillionCharacters?: number;
  perMinute?: number;
}

/** A dated price table. Every cost this package reports comes from it, with `priceDate` = `date`. */
export interface OpenAIPriceTable {
  /** The day (YYYY-MM-DD) the prices were read. */
  date: string;
  chat: Record<string, ChatModelPrice>;
  image: Record<string, ImageModelPrice>;
  speech: Record<string, SpeechModelPrice>;
}

/** Overrides merged over the default table, per model; give `date` when you change prices. */
export interface OpenAIPriceOverrides {
  date?: string;
  chat?: Record<string, ChatModelPrice>;
  image?: Record<string, ImageModelPrice>;
  speech?: Record<string, SpeechModelPrice>;
}

const gptImage1PerImage = {
  low: { '1024x1024': 0.011, '1024x1536': 0.016, '1536x1024': 0.016 },
  medium: { '1024x1024': 0.042, '1024x1536': 0.063, '1536x1024': 0.063 },
  high: { '1024x1024': 0.167, '1024x1536': 0.25, '1536x1024': 0.25 },
};

// gpt-image-2: the same output-token counts as gpt-image-1 at its lower output rate ($30/1M).
// Estimates only: the billed cost comes from the `usage` in each answer.
const gptImage2PerImage = {
  low: { '1024x1024': 0.00816, '1024x1536': 0.01224, '1536x1024': 0.01224 },
  medium: { '1024x1024': 0.03168, '1024x1536': 0.04752, '1536x1024': 0.04752 },
  high: { '1024x1024': 0.1248, '1024x1536': 0.1872, '1536x1024': 0.1872 },
};

const gptImage2: ImageModelPrice = {
  tokens: { textInputPerMillion: 5, imageInputPerMillion: 8, imageOutputPerMillion: 30 },
  perImage: gptImage2PerImage,
};

const gptImage1: ImageModelPrice = {
  tokens: { textInputPerMillion: 5, imageInputPerMillion: 10, imageOutputPerMillion: 40 },
  perImage: gptImage1PerImage,
};

const miniTts: SpeechModelPrice = { perMinute: 0.015 };

/**
 * The default prices (volatile: re-check openai.com/api/pricing before release). Models not
 * listed are billed `usd: 0` with a warning: add them with `createOpenAI({ prices })`.
 */
export const defaultOpenAIPrices: Readonly<OpenAIPriceTable> = Object.freeze({
  date: '2026-11-24',
  chat: {
    'gpt-5.4-mini': { inputPerMillionTokens: 0.75, outputPerMillionTokens: 4.5 },
    'gpt-5.4-mini-2026-03-17': { inputPerMillionTokens: 0.75, outputPerMillionTokens: 4.5 },
    'gpt-5.4-nano': { inputPerMillionTokens: 0.2, outputPerMillionTokens: 1.25 },
    'gpt-5.4-nano-2026-03-17': { inputPerMillionTokens: 0.2, outputPerMillionTokens: 1.25 },
  },
  image: {
    'gpt-image-2': gptImage2,
    'gpt-image-2-2026-04-21': gptImage2,
    'gpt-image-1': gptImage1,
    'dall-e-3': {
      perImage: {
        standard: { '1024x1024': 0.04, '1024x1792': 0.08, '1792x1024': 0.08 },
        hd: { '1024x1024': 0.08, '1024x1792': 0.12, '1792x1024': 0.12 },
      },
    },
  },
  speech: {
    'tts-1': { perMillionCharacters: 15 },
    'tts-1-hd': { perMillionCharacters: 30 },
    'gpt-4o-mini-tts': miniTts,
    'gpt-4o-mini-tts-2025-12-15': miniTts,
  },
});

/** Merges user overrides over the defaults, model by model. */
export function mergePrices(overrides: OpenAIPriceOverrides | undefined): OpenAIPriceTable {
  return {
    date: overrides?.date ?? defaultOpenAIPrices.date,
    chat: { ...defaultOpenAIPrices.chat, ...overrides?.chat },
    image: { ...defaultOpenAIPrices.image, ...overrides?.image },
    speech: { ...defaultOpenAIPrices.speech, ...overrides?.speech },
  };
}

/** Rounds a dollar figure to 1e-6 (a millionth of a dollar), so sums of tiny rates stay exact. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
