// The props both compositions receive. Plain JSON (they cross into the browser as input props);
// media are paths inside the bundle's public folder, resolved with `staticFile` in the browser.

/** A word of the voice-over and when it is spoken. */
export type ReelWord = {
  word: string;
  startMs: number;
  endMs: number;
};

/** One scene: the image to show (a public path) from `startMs` to `endMs`. */
export type ReelScene = {
  image: string;
  text: string;
  startMs: number;
  endMs: number;
};

/** A review quote for the `wow` composition. */
export type ReelReview = {
  text: string;
  rating?: number;
  author?: string;
};

/** The product facts the compositions show. */
export type ReelProduct = {
  title: string;
  brand?: string;
  /** Formatted price, e.g. `$49.99`. */
  price?: string;
  rating?: number;
  reviewCount?: number;
  reviews: ReelReview[];
};

/** The music bed and its ducking. */
export type ReelMusic = {
  /** A public path. */
  src: string;
  /** Volume while nobody speaks (0–1). */
  volume: number;
  /** Volume while words are spoken (0–1). */
  duckedVolume: number;
};

/** Input props of the `classic` and `wow` compositions. */
export type ReelProps = {
  width: number;
  height: number;
  fps: number;
  durationInFrames: number;
  /** `video` renders everything; `thumbnail` hides captions for the still. */
  mode: 'video' | 'thumbnail';
  scenes: ReelScene[];
  /** A public path. */
  voice: string;
  captions: ReelWord[];
  title: string;
  hook: string;
  callToAction: string;
  product: ReelProduct;
  music?: ReelMusic;
};

/** The compositions this package registers. */
export const compositionIds = ['classic', 'wow'] as const;

/** A composition id. */
export type CompositionId = (typeof compositionIds)[number];
