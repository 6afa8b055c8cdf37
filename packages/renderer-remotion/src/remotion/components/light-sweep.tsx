import { AbsoluteFill, interpolate, useCurrentFrame } from 'remotion';

/** Props of {@link LightSweep}. */
export type LightSweepProps = {
  /** Frames one sweep takes to cross the frame. */
  durationInFrames?: number;
};

/** A diagonal band of light crossing the frame once (place it in a `Sequence`). */
export function LightSweep(props: LightSweepProps) {
  const frame = useCurrentFrame();
  const duration = props.durationInFrames ?? 22;
  const position = interpolate(frame, [0, duration], [-60, 160], { extrapolateRight: 'clamp' });
  if (frame > duration) return null;
  return (
    <AbsoluteFill
      style={{
        background: `linear-gradient(115deg, transparent ${position - 18}%, rgba(255,255,255,0.5) ${position}%, transparent ${position + 18}%)`,
      }}
    />
  );
}
