import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from 'remotion';
import { fontFamily, palette, scaled } from '../theme.js';

/** Props of {@link EndCard}. */
export type EndCardProps = {
  callToAction: string;
  title: string;
  price?: string;
  /** `wow` pulses the button. */
  variant: 'classic' | 'wow';
};

/** The call-to-action card that closes the video, over a darkened last scene. */
export function EndCard(props: EndCardProps) {
  const frame = useCurrentFrame();
  const { fps, width } = useVideoConfig();
  const enter = spring({ frame, fps, durationInFrames: 16 });
  const dim = interpolate(frame, [0, 8], [0, 0.62], { extrapolateRight: 'clamp' });
  const pulse = props.variant === 'wow' ? 1 + 0.045 * Math.sin((frame / fps) * Math.PI * 3) : 1;
  return (
    <AbsoluteFill>
      <AbsoluteFill style={{ backgroundColor: '#000', opacity: dim }} />
      <AbsoluteFill
        style={{
          justifyContent: 'center',
          alignItems: 'center',
          gap: scaled(width, 40),
          padding: `0 ${scaled(width, 70)}px`,
          fontFamily,
          textAlign: 'center',
          transform: `translateY(${(1 - enter) * scaled(width, 200)}px)`,
          opacity: enter,
        }}
      >
        <div style={{ color: palette.paper, fontSize: scaled(width, 50), fontWeight: 700, lineHeight: 1.2 }}>
          {props.title}
        </div>
        {props.price ? (
          <div style={{ color: palette.highlight, fontSize: scaled(width, 84), fontWeight: 900 }}>
            {props.price}
          </div>
        ) : null}
        <div
          style={{
            color: props.variant === 'wow' ? palette.paper : palette.ink,
            background:
              props.variant === 'wow'
                ? `linear-gradient(90deg, ${palette.accent}, #7b2ff7)`
                : palette.highlight,
            fontSize: scaled(width, 66),
            fontWeight: 900,
            lineHeight: 1.15,
            borderRadius: scaled(width, 60),
            padding: `${scaled(width, 30)}px ${scaled(width, 56)}px`,
            boxShadow: `0 ${scaled(width, 12)}px ${scaled(width, 24)}px rgba(0,0,0,0.4)`,
            transform: `scale(${pulse})`,
          }}
        >
          {props.callToAction}
        </div>
      </AbsoluteFill>
    </AbsoluteFill>
  );
}
