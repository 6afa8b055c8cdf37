import type { CallOptions, CallResult, Cost, ProviderOptions } from './call-options.js';
import type { MediaData } from './media.js';
import type { Provider } from './provider.js';

/** Input of {@link ImageProvider.generateImage}. */
export interface ImageInput {
  prompt: string;
  /** Output size in pixels; providers map it to their nearest supported size and warn. Default 1080×1920. */
  width?: number;
  height?: number;
  /** The product photo, for image-to-image / edit-with-reference providers. */
  referenceImage?: MediaData;
  /** Images wanted; default 1. */
  count?: number;
  negativePrompt?: string;
  seed?: number;
  providerOptions?: ProviderOptions;
}

/** One generated image. */
export interface GeneratedImage extends MediaData {
  width?: number;
  height?: number;
  /** The prompt as the model rewrote it, when it did. */
  revisedPrompt?: string;
}

/** Result of {@link ImageProvider.generateImage}. Never empty: zero images is an error. */
export interface ImageResult extends CallResult {
  images: GeneratedImage[];
}

/** Generates scene images. */
export interface ImageProvider extends Provider<'image'> {
  generateImage(input: ImageInput, options?: CallOptions): Promise<ImageResult>;
  estimateCost?(input: ImageInput): Cost;
}
