import type { VideoConfig } from 'remotion';
import type { CompositionId, ReelProps } from './remotion/reel-props.js';

/**
 * The composition's metadata, computed here instead of by `selectComposition()` (which opens a
 * page and evaluates the bundle, ≈ 0.3–0.5 s per render): both compositions take their size,
 * frame rate and length from the props, exactly as their `calculateMetadata` does.
 */
export function compositionConfig(id: CompositionId, props: ReelProps): VideoConfig {
  return {
    id,
    width: props.width,
    height: props.height,
    fps: props.fps,
    durationInFrames: props.durationInFrames,
    defaultProps: props,
    props,
    defaultCodec: 'h264',
    defaultOutName: null,
    defaultVideoImageFormat: null,
    defaultPixelFormat: null,
    defaultProResProfile: null,
    defaultSampleRate: null,
  };
}
