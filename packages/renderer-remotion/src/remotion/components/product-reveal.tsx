import {
  AbsoluteFill,
  Img,
  interpolate,
  spring,
  staticFile,
  useCurrentFrame,
  useVideoConfig,
} from 'remotion';
import { fontFamily, palette, scaled } from '../theme.js';

/** Props of {@link ProductReveal}. */
export type ProductRevealProps = {
  /** A public path: the image to reveal (the first scene). */
  image: string;
  title: string;
  brand?: string;
  durationInFrames: number;
  still?: boolean;
};

/** The opening of `wow`: the product springs out of a glow in a framed card, with its name. */
export function ProductReveal(props: ProductRevealProps) {
  const frame = useCurrentFrame();
  const { fps, width } = useVideoConfig();
  const enter = props.still ? 1 : spring({ frame, fps, durationInFrames: 20, config: { damping: 11 } });
  const exit = props.still
    ? 1
    : interpolate(frame, [props.durationInFrames - 8, props.durationInFrames], [1, 0], {
        extrapolateLeft: 'clamp',
        extrapolateRight: 'clamp',
      });
  const glow = 0.55 + 0.45 * Math.sin(frame / 5);
  const titleEnter = props.still ? 1 : spring({ frame: frame - 8, fps, durationInFrames: 14 });
  return (
    <AbsoluteFill style={{ opacity: exit }}>
      <AbsoluteFill
        style={{
          background: `radial-gradient(circle at 50% 45%, rgba(123,47,247,0.85), rgba(10,10,20,0.96) 62%)`,
        }}
      />
      <AbsoluteFill
        style={{
          alignItems: 'center',
          justifyContent: 'flex-start',
          paddingTop: scaled(width, 150),
          gap: scaled(width, 50),
        }}
      >
        <div
          style={{
            fontFamily,
            color: palette.paper,
            textAlign: 'center',
            padding: `0 ${scaled(width, 70)}px`,
            opacity: titleEnter,
            transform: `translateY(${(1 - titleEnter) * -scaled(width, 80)}px)`,
          }}
        >
          {props.brand ? (
            <div
              style={{
                fontSize: scaled(width, 36),
                letterSpacing: scaled(width, 8),
                fontWeight: 700,
                color: palette.highlight,
                textTransform: 'uppercase',
              }}
            >
              {props.brand}
            </div>
          ) : null}
          <div style={{ fontSize: scaled(width, 64), fontWeight: 900, lineHeight: 1.1 }}>{props.title}</div>
        </div>
        <div
          style={{
            width: '66%',
            aspectRatio: '3 / 4',
            borderRadius: scaled(width, 48),
            overflow: 'hidden',
            border: `${scaled(width, 8)}px solid ${palette.paper}`,
            boxShadow: `0 0 0 ${scaled(width, 10 + 14 * glow)}px rgba(255,210,63,${0.35 + 0.3 * glow})`,
            transform: `scale(${0.3 + 0.7 * enter}) rotate(${(1 - enter) * -14}deg)`,
          }}
        >
          <Img src={staticFile(props.image)} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
        </div>
      </AbsoluteFill>
    </AbsoluteFill>
  );
}
