import { spring, useCurrentFrame, useVideoConfig } from 'remotion';
import { palette } from '../theme.js';

/** Props of {@link Stars}. */
export type StarsProps = {
  /** 0–5; fractional values fill part of a star. */
  rating: number;
  /** Pixel size of one star. */
  size: number;
  /** Frames between one star filling and the next; 0 shows them at once. */
  stagger?: number;
};

const starPath = 'M12 1.5l3.1 6.9 7.4.7-5.6 5 1.7 7.4L12 17.6l-6.6 3.9 1.7-7.4-5.6-5 7.4-.7z';

/** Five stars filled up to `rating`; with `stagger`, they pop in one after another. */
export function Stars(props: StarsProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const stagger = props.stagger ?? 0;
  return (
    <div style={{ display: 'flex', gap: props.size * 0.12 }}>
      {[0, 1, 2, 3, 4].map((index) => {
        const appear =
          stagger > 0 ? spring({ frame: frame - index * stagger, fps, durationInFrames: 12 }) : 1;
        const fill = Math.max(0, Math.min(1, props.rating - index)) * Math.min(1, appear);
        return (
          <svg
            key={index}
            width={props.size}
            height={props.size}
            viewBox="0 0 24 24"
            style={{ transform: `scale(${0.4 + 0.6 * appear})` }}
            role="img"
            aria-label={index === 0 ? `${props.rating} out of 5 stars` : undefined}
          >
            <defs>
              <linearGradient id={`star-fill-${index}`}>
                <stop offset={fill} stopColor={palette.star} />
                <stop offset={fill} stopColor={palette.starEmpty} />
              </linearGradient>
            </defs>
            <path
              d={starPath}
              fill={`url(#star-fill-${index})`}
              stroke="rgba(0,0,0,0.35)"
              strokeWidth={0.6}
            />
          </svg>
        );
      })}
    </div>
  );
}
