import type { CallOptions, CallResult, Cost, ProviderOptions } from './call-options.js';
import type { MediaRef } from './media.js';
import type { MediaStore } from './media-store.js';
import type { Product } from './product.js';
import type { Provider } from './provider.js';
import type { Script } from './script-provider.js';
import type { WordTiming } from './voice-provider.js';

/** One scene on the timeline. */
export interface RenderScene {
  image: MediaRef;
  text: string;
  startMs: number;
  endMs: number;
}

/** Input of {@link Renderer.render}. All media are references into `media`. */
export interface RenderInput {
  /** Composition name, e.g. `classic` or `wow`. */
  composition: string;
  width: number;
  height: number;
  fps: number;
  scenes: RenderScene[];
  voice: MediaRef;
  /** Word-timed captions. */
  captions: WordTiming[];
  script: Script;
  product: Product;
  /** Where the renderer reads inputs and writes its outputs. */
  media: MediaStore;
  /** Key prefix for the outputs, e.g. `run-42/`. */
  outputPrefix: string;
  providerOptions?: ProviderOptions;
}

/** Result of {@link Renderer.render}. */
export interface RenderResult extends CallResult {
  video: MediaRef;
  thumbnail: MediaRef;
  durationMs: number;
  width: number;
  height: number;
}

/** Renders the final vertical video and its thumbnail. */
export interface Renderer extends Provider<'renderer'> {
  render(input: RenderInput, options?: CallOptions): Promise<RenderResult>;
  estimateCost?(input: RenderInput): Cost;
}
