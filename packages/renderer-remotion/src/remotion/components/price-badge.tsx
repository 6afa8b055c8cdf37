import { AbsoluteFill, spring, useCurrentFrame, useVideoConfig } from 'remotion';
import type { ReelProduct } from '../reel-props.js';
import { fontFamily, palette, scaled } from '../theme.js';
import { Stars } from './stars.js';

/** Props of {@link PriceBadge}. */
export type PriceBadgeProps = {
  product: ReelProduct;
  still?: boolean;
};

/** The price and star rating in a badge at the top right; nothing when the product has neither. */
export function PriceBadge(props: PriceBadgeProps) {
  const frame = useCurrentFrame();
  const { fps, width } = useVideoConfig();
  const { price, rating, reviewCount } = props.product;
  if (price === undefined && rating === undefined) return null;
  const enter = props.still ? 1 : spring({ frame, fps, durationInFrames: 16 });
  return (
    <AbsoluteFill
      style={{ alignItems: 'flex-end', padding: `${scaled(width, 70)}px ${scaled(width, 50)}px` }}
    >
      <div
        style={{
          fontFamily,
          color: palette.paper,
          background: `linear-gradient(135deg, ${palette.accent}, #ff7a45)`,
          borderRadius: scaled(width, 30),
          padding: `${scaled(width, 18)}px ${scaled(width, 28)}px`,
          boxShadow: `0 ${scaled(width, 10)}px ${scaled(width, 20)}px rgba(0,0,0,0.35)`,
          transform: `scale(${enter}) rotate(${(1 - enter) * 20 + 3}deg)`,
          transformOrigin: 'top right',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          gap: scaled(width, 6),
        }}
      >
        {price !== undefined ? (
          <div style={{ fontSize: scaled(width, 64), fontWeight: 900, lineHeight: 1 }}>{price}</div>
        ) : null}
        {rating !== undefined ? (
          <div style={{ display: 'flex', alignItems: 'center', gap: scaled(width, 8) }}>
            <Stars rating={rating} size={scaled(width, 34)} />
            <span style={{ fontSize: scaled(width, 30), fontWeight: 700 }}>
              {rating.toFixed(1)}
              {reviewCount !== undefined ? ` (${formatCount(reviewCount)})` : ''}
            </span>
          </div>
        ) : null}
      </div>
    </AbsoluteFill>
  );
}

function formatCount(count: number): string {
  if (count >= 1_000_000) return `${(count / 1_000_000).toFixed(1)}M`;
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  return count.toLocaleString('en-US');
}
