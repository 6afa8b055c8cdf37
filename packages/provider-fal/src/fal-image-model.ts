import type { FalClient, InQueueQueueStatus } from '@fal-ai/client';
import {
  type CallOptions,
  type CallWarning,
  type Cost,
  type GeneratedImage,
  type ImageInput,
  type ImageProvider,
  type ImageResult,
  type MediaData,
  ProviderError,
  ReelsmithError,
} from '@reelsmith/core';
import { buildModelInput, defaultImageSize } from './build-model-input.js';
import { downloadImage } from './download-image.js';
import { createFalClient, type QueueUrls } from './fal-client.js';
import { falHttpError } from './fal-error.js';
import { type FalModelSpec, unknownModelSpec } from './fal-models.js';
import { type ImageArea, priceImages } from './fal-prices.js';
import type { ResolvedFalSettings } from './fal-settings.js';
import { createFalFetch, type TransportState } from './fal-transport.js';
import { parseModelOutput } from './parse-model-output.js';
import { progressReporter, waitForCompletion } from './poll-queue.js';

/** What a {@link FalImageModel} needs from its factory. */
export interface FalImageModelConfig {
  settings: ResolvedFalSettings;
  /** Resolves the API key at call time (reads the env once); throws a `ConfigError` when there is none. */
  apiKey: () => string | undefined;
}

/**
 * A fal.ai FLUX model as an `ImageProvider` (id `fal:<model>`): the product photo is
 * uploaded to fal storage, the edit is submitted to the queue, the returned `status_url` is
 * polled (queue position and logs become progress), the result is checked and each output
 * image is downloaded into bytes at once.
 */
export class FalImageModel implements ImageProvider {
  readonly specificationVersion = 'v1' as const;
  readonly capability = 'image' as const;
  readonly id: string;
  readonly modelId: string;
  private readonly spec: FalModelSpec;

  constructor(
    modelId: string,
    private readonly config: FalImageModelConfig,
  ) {
    this.modelId = modelId;
    this.id = `fal:${modelId}`;
    this.spec = config.settings.models[modelId] ?? unknownModelSpec;
  }

  /** The cost of `input` from the price table, for the requested size (default 1080×1920). */
  estimateCost(input: ImageInput): Cost {
    const size = {
      width: input.width ?? defaultImageSize.width,
      height: input.height ?? defaultImageSize.height,
    };
    return this.price(Array.from({ length: input.count ?? 1 }, () => size)).cost;
  }

  async generateImage(input: ImageInput, options: CallOptions = {}): Promise<ImageResult> {
    const { signal } = options;
    signal?.throwIfAborted();
    const { settings } = this.config;
    const built = buildModelInput(input, {
      provider: this.id,
      modelId: this.modelId,
      spec: this.spec,
      outputFormat: settings.outputFormat,
    });
    const apiKey = this.config.apiKey();
    const state: TransportState = { step: 'upload' };
    let urls: QueueUrls | undefined;
    const transport = createFalFetch({
      provider: this.id,
      modelId: this.modelId,
      timeoutMs: settings.timeoutMs,
      startTimeoutSeconds: settings.startTimeoutSeconds,
      fetch: settings.fetch,
      signal,
      state,
    });
    const client = await createFalClient({ apiKey, settings, fetch: transport, queueUrls: () => urls });
    const report = progressReporter(options.onProgress);
    try {
      if (!built.hasImageUrl) {
        report({ message: 'uploading the product photo to fal storage' });
        built.input.image_url = await client.storage.upload(toFile(input.referenceImage!));
      }
      state.step = 'submit';
      const queued = await client.queue.submit(this.modelId, {
        input: built.input,
        abortSignal: signal,
        priority: settings.priority,
        ...(settings.startTimeoutSeconds === undefined ? {} : { startTimeout: settings.startTimeoutSeconds }),
        ...(settings.queueRetries ? {} : { headers: { 'x-fal-no-retry': '1' } }),
      });
      if (typeof queued?.request_id !== 'string' || queued.request_id === '') {
        throw new ProviderError({
          kind: 'unknown',
          provider: this.id,
          status: 200,
          code: 'unexpected_submit_answer',
          body: queued,
          message: 'fal accepted the request but its answer has no `request_id` to poll.',
        });
      }
      urls = queueUrlsOf(queued);
      state.requestId = queued.request_id;
      report({ message: `fal: queued as request ${queued.request_id}` });
      state.step = 'status';
      await waitForCompletion({
        client,
        provider: this.id,
        modelId: this.modelId,
        requestId: queued.request_id,
        pollIntervalMs: settings.pollIntervalMs,
        maxWaitMs: settings.maxWaitMs,
        signal,
        report,
      });
      state.step = 'result';
      const result = await client.queue.result(this.modelId, {
        requestId: queued.request_id,
        abortSignal: signal,
      });
      const output = parseModelOutput(result.data, { provider: this.id, requestId: queued.request_id });
      state.step = 'download';
      const downloads = await Promise.all(
        output.kept.map((image) => downloadImage(image, transport, this.id)),
      );
      report({ message: `fal: downloaded ${downloads.length} image(s)`, fraction: 1 });

      const revisedPrompt =
        output.revisedPrompt && output.revisedPrompt !== input.prompt ? output.revisedPrompt : undefined;
      const images: GeneratedImage[] = downloads.map((download, index) => ({
        ...download,
        width: output.kept[index]?.width,
        height: output.kept[index]?.height,
        ...(revisedPrompt ? { revisedPrompt } : {}),
      }));
      const priced = this.price(output.generated.map((image) => areaOf(image, built.size)));
      const warnings = [...built.warnings, ...(priced.warning ? [priced.warning] : [])];
      if (images.length < built.count) {
        warnings.push({
          type: 'shortfall',
          message:
            `asked for ${built.count} image(s), got ${images.length}` +
            (output.flagged > 0 ? ` (${output.flagged} flagged by fal's safety checker and dropped)` : '') +
            '.',
        });
      }
      return { images, cost: priced.cost, warnings };
    } catch (error) {
      if (signal?.aborted) {
        if (urls) this.cancelQuietly(urls, apiKey);
        throw signal.reason;
      }
      if (urls && ProviderError.isInstance(error) && error.code === 'queue_timeout')
        this.cancelQuietly(urls, apiKey);
      throw this.asProviderError(error, state);
    }
  }

  private price(images: readonly ImageArea[]): { cost: Cost; warning?: CallWarning } {
    const { prices } = this.config.settings;
    const cost = priceImages(prices, prices.models[this.modelId], images);
    if (cost) return { cost };
    return {
      cost: { usd: 0, unit: 'image', quantity: images.length, priceDate: prices.date },
      warning: {
        type: 'other',
        message: `no price for ${this.modelId} in the fal price table of ${prices.date}; cost recorded as 0. Add it with createFal({ prices }).`,
      },
    };
  }

  /** Best effort: a cancelled queued request is not billed. Errors are ignored. */
  private cancelQuietly(urls: QueueUrls, apiKey: string | undefined): void {
    const { settings } = this.config;
    const transport = createFalFetch({
      provider: this.id,
      modelId: this.modelId,
      timeoutMs: Math.min(settings.timeoutMs, 10_000),
      fetch: settings.fetch,
      state: { step: 'cancel', requestId: urls.requestId },
    });
    createFalClient({ apiKey, settings, fetch: transport, queueUrls: () => urls })
      .then((client: FalClient) => client.queue.cancel(this.modelId, { requestId: urls.requestId }))
      .catch(() => undefined);
  }

  private asProviderError(error: unknown, state: TransportState): unknown {
    if (ReelsmithError.isInstance(error)) return error;
    const context = {
      provider: this.id,
      modelId: this.modelId,
      step: state.step,
      requestId: state.requestId,
    };
    const apiError = error as { name?: unknown; status?: unknown; body?: unknown; timeoutType?: unknown };
    if (apiError?.name === 'ApiError' || apiError?.name === 'ValidationError') {
      const headers = new Headers();
      if (typeof apiError.timeoutType === 'string')
        headers.set('x-fal-request-timeout-type', apiError.timeoutType);
      return falHttpError(context, {
        status: Number(apiError.status),
        headers,
        text: JSON.stringify(apiError.body ?? null),
      });
    }
    return new ProviderError({
      kind: 'unknown',
      provider: this.id,
      requestId: state.requestId,
      code: 'client_error',
      message: `the fal client failed while at step "${state.step}": ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
}

function queueUrlsOf(queued: InQueueQueueStatus): QueueUrls | undefined {
  const {
    request_id: requestId,
    status_url: statusUrl,
    response_url: responseUrl,
    cancel_url: cancelUrl,
  } = queued;
  if (![statusUrl, responseUrl].every((url) => typeof url === 'string' && /^https?:\/\//.test(url)))
    return undefined;
  return { requestId, statusUrl, responseUrl, cancelUrl: cancelUrl ?? `${responseUrl}/cancel` };
}

function areaOf(
  image: { width?: number | undefined; height?: number | undefined },
  fallback: ImageArea,
): ImageArea {
  return image.width && image.height ? { width: image.width, height: image.height } : fallback;
}

function toFile(reference: MediaData): File {
  const extension =
    reference.mediaType === 'image/jpeg' ? 'jpg' : (reference.mediaType.split('/')[1] ?? 'img');
  return new File([new Uint8Array(reference.data)], `reference.${extension.replace(/\W/g, '')}`, {
    type: reference.mediaType,
  });
}
