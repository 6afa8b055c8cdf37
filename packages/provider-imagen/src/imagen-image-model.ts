import type { HttpOptions } from '@google/genai';
import {
  type CallOptions,
  type CallWarning,
  type Cost,
  createCallGuard,
  type ImageInput,
  type ImageProvider,
  type ImageResult,
  ProviderError,
} from '@reelsmith/core';
import type { ImagenClient } from './imagen-client.js';
import { notAllowlistedCode, toProviderError } from './imagen-error.js';
import type { ImagenModelSpec } from './imagen-models.js';
import { type ImagenPriceTable, multiplyUsd, pricePerImage } from './imagen-prices.js';
import {
  type CallPlan,
  geminiContentRequest,
  imagenGeminiApiBody,
  imagenVertexConfig,
  planCall,
} from './imagen-request.js';
import {
  fromGenerateContent,
  fromGenerateImages,
  fromPredictions,
  type ImageOutcome,
} from './imagen-response.js';
import type { ImagenConnection, ImagenSettings } from './imagen-settings.js';
import { chooseOutputShape } from './output-shape.js';
import { capturingFetch } from './response-capture.js';

/** What an {@link ImagenImageModel} is built from. */
export interface ImagenImageModelConfig {
  modelId: string;
  spec: ImagenModelSpec;
  settings: ImagenSettings;
  prices: ImagenPriceTable;
  /** Resolves the connection and the SDK client at the first call (reads the environment then). */
  connect: () => { connection: ImagenConnection; client: ImagenClient };
}

const defaultTimeoutMs = 120_000;

/**
 * An `ImageProvider` on one Google image model: Imagen 4 through `:predict` (`generateImages` on
 * Vertex AI), or a Gemini image model through `generateContent` with image output and the product
 * photo as an inline reference. Zero images is an error; fewer than asked is a `shortfall` warning.
 */
export class ImagenImageModel implements ImageProvider {
  readonly specificationVersion = 'v1' as const;
  readonly capability = 'image' as const;
  readonly id: string;
  readonly modelId: string;
  private readonly config: ImagenImageModelConfig;

  constructor(config: ImagenImageModelConfig) {
    this.config = config;
    this.modelId = config.modelId;
    this.id = `imagen:${config.modelId}`;
  }

  /** The price-table cost of `input`: the per-image price at the size tier it maps to, times `count`. */
  estimateCost(input: ImageInput): Cost {
    const { spec, settings } = this.config;
    const size = chooseOutputShape(
      input.width ?? 1080,
      input.height ?? 1920,
      spec.aspectRatios,
      spec.sizes,
      (input.providerOptions?.imagen?.imageSize as CallPlan['shape']['size'] | undefined) ??
        settings.imageSize,
    ).size;
    return this.cost(size, Math.max(1, input.count ?? 1));
  }

  async generateImage(input: ImageInput, options: CallOptions = {}): Promise<ImageResult> {
    if (options.signal?.aborted) throw options.signal.reason;
    const { connection, client } = this.config.connect();
    let plan = planCall(input, {
      provider: this.id,
      modelId: this.modelId,
      spec: this.config.spec,
      vertexai: connection.vertexai,
      settings: this.config.settings,
    });
    options.onProgress?.({ fraction: 0, message: `asking ${this.modelId} for ${plan.count} image(s)` });
    let outcome: ImageOutcome;
    try {
      outcome = await this.generateOnce(client, plan, options);
    } catch (error) {
      if (!this.shouldRetryWithAdult(error, plan)) throw error;
      plan = {
        ...plan,
        personGeneration: 'allow_adult',
        warnings: [
          ...plan.warnings,
          {
            type: 'other',
            setting: 'personGeneration',
            message: 'allow_all was refused (project not allow-listed); retried once with allow_adult',
          },
        ],
      };
      outcome = await this.generateOnce(client, plan, options);
    }
    if (outcome.images.length === 0) {
      throw new ProviderError({
        kind: 'content_policy',
        provider: this.id,
        status: 200,
        code: 'NO_IMAGES',
        requestId: outcome.responseId,
        body: { filtered: outcome.filtered },
        message: `${this.modelId} returned no image; the safety filter removed it: ${outcome.filtered.join('; ')}. Rewrite the prompt`,
      });
    }
    const warnings: CallWarning[] = [...plan.warnings];
    if (outcome.images.length < plan.count) {
      warnings.push({
        type: 'shortfall',
        message: `asked for ${plan.count} images, got ${outcome.images.length}: ${outcome.filtered.join('; ') || 'no reason given'}`,
      });
    }
    options.onProgress?.({ fraction: 1, message: `received ${outcome.images.length} image(s)` });
    return { images: outcome.images, cost: this.cost(plan.shape.size, outcome.images.length), warnings };
  }

  private cost(size: CallPlan['shape']['size'], quantity: number): Cost {
    const { prices } = this.config;
    const unit = pricePerImage(prices, this.modelId, size) ?? 0;
    return { usd: multiplyUsd(unit, quantity), unit: `image (${size})`, quantity, priceDate: prices.date };
  }

  private shouldRetryWithAdult(error: unknown, plan: CallPlan): boolean {
    return (
      ProviderError.isInstance(error) &&
      error.code === notAllowlistedCode &&
      plan.personGeneration === 'allow_all' &&
      this.config.settings.retryWithAdultPersonGeneration !== false
    );
  }

  private async generateOnce(
    client: ImagenClient,
    plan: CallPlan,
    options: CallOptions,
  ): Promise<ImageOutcome> {
    if (plan.spec.api === 'imagen') {
      return this.send(plan, options, async (httpOptions, abortSignal) => {
        if (plan.vertexai) {
          const config = { ...imagenVertexConfig(plan), httpOptions, abortSignal };
          return fromGenerateImages(
            await client.models.generateImages({ model: plan.modelId, prompt: plan.prompt, config }),
          );
        }
        const body = imagenGeminiApiBody(plan);
        return fromPredictions(await client.predictOnGeminiApi(plan.modelId, body, httpOptions, abortSignal));
      });
    }
    // Gemini image models make one image per call: `count` calls, merged.
    const { parts, config } = geminiContentRequest(plan);
    let done = 0;
    const calls = Array.from({ length: plan.count }, () =>
      this.send(plan, options, async (httpOptions, abortSignal) => {
        const response = await client.models.generateContent({
          model: plan.modelId,
          contents: [{ role: 'user', parts }],
          config: { ...config, httpOptions, abortSignal },
        });
        return fromGenerateContent(response);
      }).then((outcome) => {
        done += 1;
        if (plan.count > 1)
          options.onProgress?.({ fraction: done / plan.count, message: `${done} of ${plan.count}` });
        return outcome;
      }),
    );
    const settled = await Promise.allSettled(calls);
    if (options.signal?.aborted) throw options.signal.reason;
    const merged: ImageOutcome = { images: [], filtered: [] };
    const failures: unknown[] = [];
    for (const result of settled) {
      if (result.status === 'rejected') {
        failures.push(result.reason);
        continue;
      }
      merged.images.push(...result.value.images);
      merged.filtered.push(...result.value.filtered);
      merged.responseId ??= result.value.responseId;
    }
    if (merged.images.length === 0 && failures.length > 0) throw failures[0];
    for (const failure of failures) merged.filtered.push(`a call failed: ${(failure as Error).message}`);
    return merged;
  }

  /** Sends one request under the call's timeout and signal, and maps any failure. */
  private async send(
    plan: CallPlan,
    options: CallOptions,
    request: (httpOptions: HttpOptions, abortSignal: AbortSignal) => Promise<ImageOutcome>,
  ): Promise<ImageOutcome> {
    const { settings } = this.config;
    const timeoutMs = settings.timeoutMs ?? defaultTimeoutMs;
    const guard = createCallGuard(options.signal, timeoutMs);
    const capture = capturingFetch(settings.fetch);
    try {
      return await guard.run(request({ fetch: capture.fetch }, guard.signal));
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      throw toProviderError(error, {
        provider: this.id,
        modelId: plan.modelId,
        spec: plan.spec,
        vertexai: plan.vertexai,
        timeoutMs,
        timedOut: guard.timedOut(),
        response: capture.last(),
      });
    } finally {
      guard.dispose();
    }
  }
}
