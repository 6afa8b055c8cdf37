import { AbsoluteFill, interpolate, Sequence, useCurrentFrame, useVideoConfig } from 'remotion';
import type { ReelScene } from '../reel-props.js';
import { msToFrame } from '../timeline.js';
import { KenBurnsImage } from './ken-burns-image.js';

/** Props of {@link SceneTrack}. */
export type SceneTrackProps = {
  scenes: readonly ReelScene[];
  zoom?: readonly [from: number, to: number];
  /** A white flash at each cut (`wow`). */
  flash?: boolean;
};

/**
 * The scene images on the timeline, each from its start until the next scene starts (the last
 * one until the end), cross-faded and zooming.
 */
export function SceneTrack(props: SceneTrackProps) {
  const { fps, durationInFrames } = useVideoConfig();
  return (
    <AbsoluteFill style={{ backgroundColor: '#000' }}>
      {props.scenes.map((scene, index) => {
        const from = index === 0 ? 0 : msToFrame(scene.startMs, fps);
        const next = props.scenes[index + 1];
        const until = next === undefined ? durationInFrames : msToFrame(next.startMs, fps);
        const fadeInFrames = index === 0 ? 0 : Math.min(8, Math.max(1, until - from));
        // Each scene starts a little early so the cross-fade covers the cut.
        const start = Math.max(0, from - Math.floor(fadeInFrames / 2));
        const duration = Math.max(1, until - start);
        return (
          <Sequence key={scene.startMs} from={start} durationInFrames={duration} layout="none">
            <KenBurnsImage
              src={scene.image}
              durationInFrames={duration}
              index={index}
              zoom={props.zoom}
              fadeInFrames={fadeInFrames}
            />
            {props.flash && index > 0 ? <Flash /> : null}
          </Sequence>
        );
      })}
    </AbsoluteFill>
  );
}

function Flash() {
  const frame = useCurrentFrame();
  const opacity = interpolate(frame, [2, 4, 12], [0, 0.4, 0], {
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
  });
  return <AbsoluteFill style={{ backgroundColor: '#fff', opacity }} />;
}
