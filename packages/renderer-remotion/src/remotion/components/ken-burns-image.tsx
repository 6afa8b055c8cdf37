import { AbsoluteFill, Img, interpolate, staticFile, useCurrentFrame } from 'remotion';

/** Props of {@link KenBurnsImage}. */
export type KenBurnsImageProps = {
  /** A public path. */
  src: string;
  durationInFrames: number;
  /** Alternates the pan direction. */
  index: number;
  /** Zoom range; `wow` zooms harder. */
  zoom?: readonly [from: number, to: number];
  /** Frames of fade-in at the start (0 for the first scene). */
  fadeInFrames?: number;
};

/** A full-frame image slowly zooming and panning (the Ken Burns effect). */
export function KenBurnsImage(props: KenBurnsImageProps) {
  const frame = useCurrentFrame();
  const [from, to] = props.zoom ?? [1.04, 1.16];
  const progress = interpolate(frame, [0, Math.max(1, props.durationInFrames)], [0, 1], {
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
  });
  const zoomIn = props.index % 2 === 0;
  const scale = zoomIn ? from + (to - from) * progress : to - (to - from) * progress;
  const direction = props.index % 4 < 2 ? 1 : -1;
  const panX = direction * (progress - 0.5) * 4;
  const panY = (zoomIn ? -1 : 1) * (progress - 0.5) * 2;
  const fade = props.fadeInFrames ?? 0;
  const opacity = fade > 0 ? interpolate(frame, [0, fade], [0, 1], { extrapolateRight: 'clamp' }) : 1;
  return (
    <AbsoluteFill style={{ overflow: 'hidden', opacity }}>
      <Img
        src={staticFile(props.src)}
        style={{
          width: '100%',
          height: '100%',
          objectFit: 'cover',
          transform: `translate(${panX}%, ${panY}%) scale(${scale})`,
        }}
      />
    </AbsoluteFill>
  );
}
