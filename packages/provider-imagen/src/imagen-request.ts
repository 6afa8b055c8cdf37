import {
  type GenerateContentConfig,
  type GenerateImagesConfig,
  type Part,
  PersonGeneration,
  type SafetyFilterLevel,
} from '@google/genai';
import { type CallWarning, type ImageInput, type MediaData, ProviderError } from '@reelsmith/core';
import type { ImagenModelSpec } from './imagen-models.js';
import {
  type ImagenSettings,
  type PersonGenerationSetting,
  providerOptionsSchema,
  type SafetyFilterLevelSetting,
} from './imagen-settings.js';
import { chooseOutputShape, type OutputShape } from './output-shape.js';

/** Everything one `generateImage` call sends, decided before any request. */
export interface CallPlan {
  modelId: string;
  spec: ImagenModelSpec;
  vertexai: boolean;
  prompt: string;
  count: number;
  shape: OutputShape;
  personGeneration: PersonGenerationSetting;
  safetyFilterLevel?: SafetyFilterLevelSetting;
  outputMimeType: 'image/png' | 'image/jpeg';
  compressionQuality?: number;
  negativePrompt?: string;
  seed?: number;
  referenceImage?: MediaData;
  warnings: CallWarning[];
}

const defaultWidth = 1080;
const defaultHeight = 1920;
const defaultMaxReferenceBytes = 10 * 1024 * 1024;

/** Checks the input and decides the request; a bad input is an `invalid_input` error naming the field. */
export function planCall(
  input: ImageInput,
  context: {
    provider: string;
    modelId: string;
    spec: ImagenModelSpec;
    vertexai: boolean;
    settings: ImagenSettings;
  },
): CallPlan {
  const { provider, modelId, spec, vertexai, settings } = context;
  const invalid = (field: string, problem: string) =>
    new ProviderError({
      kind: 'invalid_input',
      provider,
      code: 'invalid_input',
      message: `invalid \`${field}\`: ${problem}`,
    });
  if (typeof input.prompt !== 'string' || input.prompt.trim() === '')
    throw invalid('prompt', 'the prompt is empty');
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > spec.maxImages) {
    throw invalid('count', `${modelId} makes 1–${spec.maxImages} images per call, got ${count}`);
  }
  const width = input.width ?? defaultWidth;
  const height = input.height ?? defaultHeight;
  if (!(width > 0 && height > 0))
    throw invalid('width/height', `expected positive sizes, got ${width}×${height}`);
  const parsed = providerOptionsSchema.safeParse(input.providerOptions?.imagen ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`providerOptions.imagen.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid value');
  }
  const options = parsed.data;
  const maxReferenceBytes = settings.maxReferenceImageBytes ?? defaultMaxReferenceBytes;
  if (input.referenceImage && input.referenceImage.data.byteLength > maxReferenceBytes) {
    throw invalid(
      'referenceImage',
      `the image is ${input.referenceImage.data.byteLength} bytes; the limit is ${maxReferenceBytes}`,
    );
  }

  const warnings: CallWarning[] = [];
  const shape = chooseOutputShape(
    width,
    height,
    spec.aspectRatios,
    spec.sizes,
    options.imageSize ?? settings.imageSize,
  );
  if (shape.ratioChanged) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'width/height',
      message: `${width}×${height} is not a ratio ${modelId} makes; asked for the nearest, ${shape.aspectRatio}`,
    });
  }
  if (Math.max(shape.width, shape.height) < Math.max(width, height)) {
    warnings.push({
      type: 'other',
      message: `${modelId} returns ${shape.width}×${shape.height} at most for ${shape.aspectRatio}, smaller than ${width}×${height}`,
    });
  }
  const retirement = vertexai ? spec.retires?.vertex : spec.retires?.geminiApi;
  if (retirement) {
    warnings.push({
      type: 'deprecated',
      message: `${modelId} is scheduled for shutdown on ${vertexai ? 'Vertex AI' : 'the Gemini API'} (${retirement}); move to gemini-3.1-flash-image`,
    });
  }
  const unsupported = (setting: string, why: string) =>
    warnings.push({ type: 'unsupported-setting', setting, message: `${setting} ignored: ${why}` });

  const imagenOnVertex = spec.api === 'imagen' && vertexai;
  const geminiOnGeminiApi = spec.api === 'gemini' && !vertexai;
  let referenceImage: MediaData | undefined;
  if (input.referenceImage) {
    if (spec.acceptsReferenceImage) referenceImage = input.referenceImage;
    else
      unsupported(
        'referenceImage',
        `${modelId} generates from text only; use a Gemini image model to pass the product photo`,
      );
  }
  let negativePrompt: string | undefined;
  if (input.negativePrompt) {
    if (imagenOnVertex) negativePrompt = input.negativePrompt;
    else unsupported('negativePrompt', 'only Imagen on Vertex AI takes a negative prompt');
  }
  let seed: number | undefined;
  if (input.seed !== undefined) {
    if (imagenOnVertex || spec.api === 'gemini') seed = input.seed;
    else unsupported('seed', 'Imagen on the Gemini API takes no seed');
  }
  const personGeneration = options.personGeneration ?? settings.personGeneration ?? 'allow_adult';
  if (geminiOnGeminiApi && personGeneration !== 'allow_adult') {
    unsupported('personGeneration', 'Gemini API image models decide this themselves');
  }
  const outputMimeType = options.outputMimeType ?? settings.outputMimeType ?? 'image/png';
  if (geminiOnGeminiApi && outputMimeType !== 'image/png') {
    unsupported('outputMimeType', 'Gemini API image models choose their own format');
  }
  const safetyFilterLevel = options.safetyFilterLevel ?? settings.safetyFilterLevel;
  if (safetyFilterLevel !== undefined && spec.api !== 'imagen') {
    unsupported('safetyFilterLevel', 'only Imagen takes a safety filter level');
  }
  return {
    modelId,
    spec,
    vertexai,
    prompt: input.prompt,
    count,
    shape,
    personGeneration,
    safetyFilterLevel: spec.api === 'imagen' ? safetyFilterLevel : undefined,
    outputMimeType,
    compressionQuality: outputMimeType === 'image/jpeg' ? settings.compressionQuality : undefined,
    negativePrompt,
    seed,
    referenceImage,
    warnings,
  };
}

const sdkPersonGeneration: Record<PersonGenerationSetting, PersonGeneration> = {
  dont_allow: PersonGeneration.DONT_ALLOW,
  allow_adult: PersonGeneration.ALLOW_ADULT,
  allow_all: PersonGeneration.ALLOW_ALL,
};

/** The `generateImages` config for Imagen on Vertex AI (SDK field names). */
export function imagenVertexConfig(plan: CallPlan): GenerateImagesConfig {
  const config: GenerateImagesConfig = {
    numberOfImages: plan.count,
    aspectRatio: plan.shape.aspectRatio,
    personGeneration: sdkPersonGeneration[plan.personGeneration],
    includeRaiReason: true,
    outputMimeType: plan.outputMimeType,
  };
  if (plan.spec.sizes.length > 1) config.imageSize = plan.shape.size;
  if (plan.safetyFilterLevel)
    config.safetyFilterLevel = plan.safetyFilterLevel.toUpperCase() as SafetyFilterLevel;
  if (plan.compressionQuality !== undefined) config.outputCompressionQuality = plan.compressionQuality;
  if (plan.negativePrompt) config.negativePrompt = plan.negativePrompt;
  if (plan.seed !== undefined) {
    config.seed = plan.seed;
    config.addWatermark = false; // Vertex rejects a seed with the default watermark.
  }
  return config;
}

/** The `:predict` body for Imagen on the Gemini API (REST field names, lower-case enums). */
export function imagenGeminiApiBody(plan: CallPlan): Record<string, unknown> {
  const parameters: Record<string, unknown> = {
    sampleCount: plan.count,
    aspectRatio: plan.shape.aspectRatio,
    personGeneration: plan.personGeneration,
    includeRaiReason: true,
    outputOptions: {
      mimeType: plan.outputMimeType,
      ...(plan.compressionQuality !== undefined ? { compressionQuality: plan.compressionQuality } : {}),
    },
  };
  if (plan.spec.sizes.length > 1) parameters.imageSize = plan.shape.size;
  if (plan.safetyFilterLevel) parameters.safetySetting = plan.safetyFilterLevel;
  return { instances: [{ prompt: plan.prompt }], parameters };
}

/** The `generateContent` parts and config for a Gemini image model: the product photo first, then the prompt. */
export function geminiContentRequest(plan: CallPlan): { parts: Part[]; config: GenerateContentConfig } {
  const parts: Part[] = [];
  if (plan.referenceImage) {
    parts.push({
      inlineData: {
        mimeType: plan.referenceImage.mediaType,
        data: Buffer.from(plan.referenceImage.data).toString('base64'),
      },
    });
  }
  parts.push({ text: plan.prompt });
  const imageConfig: NonNullable<GenerateContentConfig['imageConfig']> = {
    aspectRatio: plan.shape.aspectRatio,
  };
  if (plan.spec.sizes.length > 1) imageConfig.imageSize = plan.shape.size;
  if (plan.vertexai) {
    imageConfig.personGeneration = sdkPersonGeneration[plan.personGeneration];
    imageConfig.outputMimeType = plan.outputMimeType;
    if (plan.compressionQuality !== undefined) imageConfig.outputCompressionQuality = plan.compressionQuality;
  }
  const config: GenerateContentConfig = {
    responseModalities: ['IMAGE'],
    imageConfig,
    automaticContinuation: false,
  };
  if (plan.seed !== undefined) config.seed = plan.seed;
  return { parts, config };
}
