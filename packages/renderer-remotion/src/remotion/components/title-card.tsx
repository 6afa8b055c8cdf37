import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from 'remotion';
import { fontFamily, palette, scaled } from '../theme.js';

/** Props of {@link TitleCard}. */
export type TitleCardProps = {
  title: string;
  brand?: string;
  /** Frames the card stays; it springs in and fades out at the end. */
  durationInFrames: number;
  /** Keep it fully shown (the thumbnail). */
  still?: boolean;
};

/** The video's title in a white card near the top. */
export function TitleCard(props: TitleCardProps) {
  const frame = useCurrentFrame();
  const { fps, width } = useVideoConfig();
  const enter = props.still ? 1 : spring({ frame, fps, durationInFrames: 14 });
  const exit = props.still
    ? 1
    : interpolate(frame, [props.durationInFrames - 8, props.durationInFrames], [1, 0], {
        extrapolateLeft: 'clamp',
        extrapolateRight: 'clamp',
      });
  return (
    <AbsoluteFill style={{ alignItems: 'center', paddingTop: scaled(width, 250), opacity: exit }}>
      <div
        style={{
          maxWidth: '84%',
          backgroundColor: palette.paper,
          color: palette.ink,
          borderRadius: scaled(width, 36),
          padding: `${scaled(width, 30)}px ${scaled(width, 44)}px`,
          boxShadow: `0 ${scaled(width, 12)}px ${scaled(width, 24)}px rgba(0,0,0,0.3)`,
          transform: `translateY(${(1 - enter) * -scaled(width, 120)}px) scale(${0.85 + 0.15 * enter})`,
          textAlign: 'center',
          fontFamily,
        }}
      >
        {props.brand ? (
          <div
            style={{
              fontSize: scaled(width, 34),
              fontWeight: 700,
              letterSpacing: scaled(width, 6),
              textTransform: 'uppercase',
              color: palette.accent,
              marginBottom: scaled(width, 8),
            }}
          >
            {props.brand}
          </div>
        ) : null}
        <div style={{ fontSize: scaled(width, 60), fontWeight: 900, lineHeight: 1.12 }}>{props.title}</div>
      </div>
    </AbsoluteFill>
  );
}
