import { type CalculateMetadataFunction, Composition } from 'remotion';
import { Classic } from './classic.js';
import type { ReelProps } from './reel-props.js';
import { Wow } from './wow.js';

/** Defaults for the Remotion Studio; real renders always pass every prop. */
const defaultProps: ReelProps = {
  width: 1080,
  height: 1920,
  fps: 30,
  durationInFrames: 90,
  mode: 'video',
  scenes: [],
  voice: '',
  captions: [],
  title: 'Reelsmith',
  hook: '',
  callToAction: 'Link in bio',
  product: { title: 'Reelsmith', reviews: [] },
};

/** Size, frame rate and length come from the props, so one composition fits every video. */
const calculateMetadata: CalculateMetadataFunction<ReelProps> = ({ props }) => ({
  width: props.width,
  height: props.height,
  fps: props.fps,
  durationInFrames: props.durationInFrames,
});

/** Registers the `classic` and `wow` compositions. */
export function Root() {
  return (
    <>
      <Composition
        id="classic"
        component={Classic}
        width={1080}
        height={1920}
        fps={30}
        durationInFrames={90}
        defaultProps={defaultProps}
        calculateMetadata={calculateMetadata}
      />
      <Composition
        id="wow"
        component={Wow}
        width={1080}
        height={1920}
        fps={30}
        durationInFrames={90}
        defaultProps={defaultProps}
        calculateMetadata={calculateMetadata}
      />
    </>
  );
}
