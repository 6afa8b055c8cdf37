// Public API of @reelsmith/renderer-remotion.
export {
  browserEnvironmentVariables,
  commonBrowserPaths,
  type ResolveBrowserOptions,
  resolveBrowserExecutable,
} from './browser-executable.js';
export {
  type CompositionBundle,
  type CompositionBundleOptions,
  getCompositionBundle,
} from './composition-bundle.js';
export { createMusicBed, type MusicBedOptions } from './music-bed.js';
export { type RemotionRenderer, createRemotionRenderer } from './remotion-renderer.js';
export {
  type CompositionId,
  compositionIds,
  type ReelMusic,
  type ReelProduct,
  type ReelProps,
  type ReelReview,
  type ReelScene,
  type ReelWord,
} from './remotion/reel-props.js';
export { defaultConcurrency, type RemotionRendererSettings } from './renderer-settings.js';
export { maxDurationMs, validateRenderInput } from './validate-render-input.js';
