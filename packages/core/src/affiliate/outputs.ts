import type { ProductPhotoUse } from '../compliance/compliance-options.js';
import type { MediaRef } from '../spec/media.js';
import type { Product } from '../spec/product.js';
import type { PublishedPost } from '../spec/publisher.js';
import type { Script } from '../spec/script-provider.js';
import type { WordTiming } from '../spec/voice-provider.js';

/** Output of the `product` phase. */
export interface ProductOutput {
  product: Product;
  /** The main product photo, in the MediaStore. */
  photo: MediaRef;
}

/** Output of the `script` phase. */
export interface ScriptOutput {
  script: Script;
}

/** One generated scene image. */
export interface SceneImage {
  image: MediaRef;
  /** The provider that made it (a fallback chain's member). */
  provider: string;
}

/** Output of the `compliance` phase: what may be published and shown. */
export interface ComplianceOutput {
  /** The description with the affiliate link, the ad marker and the program disclosure. */
  description: string;
  /** One caption per publishing platform, within its limit, disclosures kept. */
  captions: Record<string, string>;
  /** The product as the video may show it (no price; fresh ratings; short review quotes). */
  videoProduct: Product;
  /** How product photos may be used in this run. */
  productPhotos: ProductPhotoUse;
}

/** Output of the `images` phase: one image per script scene, in order. */
export interface ImagesOutput {
  scenes: SceneImage[];
}

/** A scene image after the vision check. */
export interface VerifiedScene extends SceneImage {
  /** The judge's score (0–1); undefined when no judge is configured. */
  score?: number;
  reason?: string;
  /**
   * How the image was kept: as generated, regenerated, replaced by the product photo, or kept
   * below the threshold because product photos may not appear in the video.
   */
  outcome: 'accepted' | 'regenerated' | 'product-photo' | 'below-threshold' | 'unchecked';
}

/** Output of the `verify-images` phase. */
export interface VerifyImagesOutput {
  scenes: VerifiedScene[];
}

/** Output of the `voice` phase. */
export interface VoiceOutput {
  audio: MediaRef;
  durationMs: number;
  words: WordTiming[];
  /** The text that was spoken. */
  text: string;
}

/** A span of the timeline. */
export interface TimelineSpan {
  startMs: number;
  endMs: number;
}

/** Output of the `captions` phase: the word track and when each scene is on screen. */
export interface CaptionsOutput {
  words: WordTiming[];
  /** One span per script scene; the first starts at 0 (under the hook), the last ends with the audio (under the CTA). */
  scenes: TimelineSpan[];
  durationMs: number;
}

/** Output of the `render` and `store` phases. */
export interface VideoOutput {
  video: MediaRef;
  thumbnail: MediaRef;
  durationMs: number;
  width: number;
  height: number;
  composition: string;
}

/** Output of a `publish:<platform>` phase. */
export type PublishOutput = PublishedPost;

/** Output of the `report` phase. */
export interface ReportOutput {
  urls: Record<string, string>;
  costUsd: number;
}
