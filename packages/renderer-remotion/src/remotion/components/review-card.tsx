import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from 'remotion';
import type { ReelReview } from '../reel-props.js';
import { fontFamily, palette, scaled } from '../theme.js';
import { Stars } from './stars.js';

/** Props of {@link ReviewCard}. */
export type ReviewCardProps = {
  /** Shown above the quote; the review's own rating when it has one. */
  rating?: number;
  review?: ReelReview;
  reviewCount?: number;
  durationInFrames: number;
  still?: boolean;
};

/** Animated review stars and a review quote near the top (`wow`). */
export function ReviewCard(props: ReviewCardProps) {
  const frame = useCurrentFrame();
  const { fps, width } = useVideoConfig();
  const rating = props.review?.rating ?? props.rating;
  if (rating === undefined && props.review === undefined) return null;
  const enter = props.still ? 1 : spring({ frame, fps, durationInFrames: 18 });
  const exit = props.still
    ? 1
    : interpolate(frame, [props.durationInFrames - 8, props.durationInFrames], [1, 0], {
        extrapolateLeft: 'clamp',
        extrapolateRight: 'clamp',
      });
  const quote = props.review ? truncate(props.review.text, 110) : undefined;
  return (
    <AbsoluteFill style={{ alignItems: 'center', paddingTop: scaled(width, 150), opacity: exit }}>
      <div
        style={{
          width: '86%',
          fontFamily,
          color: palette.paper,
          backgroundColor: 'rgba(16,16,20,0.78)',
          border: `${scaled(width, 4)}px solid ${palette.highlight}`,
          borderRadius: scaled(width, 40),
          padding: `${scaled(width, 34)}px ${scaled(width, 44)}px`,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          gap: scaled(width, 18),
          transform: `translateX(${(1 - enter) * -scaled(width, 900)}px) rotate(${(1 - enter) * -6}deg)`,
        }}
      >
        {rating !== undefined ? (
          <div style={{ display: 'flex', alignItems: 'center', gap: scaled(width, 18) }}>
            <Stars rating={rating} size={scaled(width, 72)} stagger={props.still ? 0 : 4} />
            <span style={{ fontSize: scaled(width, 52), fontWeight: 900, color: palette.highlight }}>
              {rating.toFixed(1)}
            </span>
          </div>
        ) : null}
        {quote ? (
          <div
            style={{
              fontSize: scaled(width, 46),
              fontWeight: 700,
              fontStyle: 'italic',
              lineHeight: 1.25,
              textAlign: 'center',
            }}
          >
            “{quote}”
          </div>
        ) : null}
        {props.review?.author || props.reviewCount !== undefined ? (
          <div style={{ fontSize: scaled(width, 32), opacity: 0.8 }}>
            {props.review?.author ? `— ${props.review.author}` : ''}
            {props.review?.author && props.reviewCount !== undefined ? ' · ' : ''}
            {props.reviewCount !== undefined ? `${props.reviewCount.toLocaleString('en-US')} reviews` : ''}
          </div>
        ) : null}
      </div>
    </AbsoluteFill>
  );
}

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 12)).trimEnd()}…`;
}
