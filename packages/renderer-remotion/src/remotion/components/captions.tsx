import { useMemo } from 'react';
import { AbsoluteFill, spring, useCurrentFrame, useVideoConfig } from 'remotion';
import type { ReelWord } from '../reel-props.js';
import { fontFamily, palette, scaled } from '../theme.js';
import { captionPages, currentWordIndex, msToFrame } from '../timeline.js';

/** Props of {@link Captions}. */
export type CaptionsProps = {
  words: readonly ReelWord[];
  /** `classic`: up to 4 words, highlighted pill. `wow`: up to 3 big uppercase words that pop. */
  variant: 'classic' | 'wow';
  /** Distance of the caption block's centre from the top, as a fraction of the height. */
  top?: number;
};

const wowColors = [palette.highlight, palette.cyan, palette.accent] as const;

/** Word-by-word captions synced to the voice timings; the word being spoken is highlighted. */
export function Captions(props: CaptionsProps) {
  const frame = useCurrentFrame();
  const { fps, width } = useVideoConfig();
  const wow = props.variant === 'wow';
  const pages = useMemo(
    () => captionPages(props.words, wow ? { maxWords: 3, maxChars: 16 } : { maxWords: 4, maxChars: 22 }),
    [props.words, wow],
  );
  const timeMs = (frame / fps) * 1000;
  const pageIndex = pages.findIndex((page) => timeMs >= page.startMs && timeMs < page.endMs);
  const page = pages[pageIndex];
  if (page === undefined) return null;
  const active = currentWordIndex(page.words, timeMs);
  const fontSize = scaled(width, wow ? 104 : 78);
  return (
    <AbsoluteFill
      style={{
        top: `${(props.top ?? 0.66) * 100}%`,
        bottom: 'auto',
        height: 'auto',
        transform: 'translateY(-50%)',
        display: 'flex',
        flexDirection: 'row',
        flexWrap: 'wrap',
        justifyContent: 'center',
        alignItems: 'center',
        padding: `0 ${scaled(width, 60)}px`,
        gap: `${scaled(width, wow ? 10 : 6)}px ${scaled(width, wow ? 26 : 18)}px`,
      }}
    >
      {page.words.map((word, index) => {
        const isActive = index === active;
        const wordFrame = msToFrame(word.startMs, fps);
        const pop = wow && isActive ? spring({ frame: frame - wordFrame, fps, durationInFrames: 8 }) : 1;
        const scale = wow && isActive ? 1.28 - 0.2 * pop : isActive ? 1.06 : 1;
        const spoken = index <= active;
        const color = wow
          ? isActive
            ? wowColors[(pageIndex + index) % wowColors.length]
            : palette.paper
          : isActive
            ? palette.ink
            : palette.paper;
        return (
          <span
            key={`${word.startMs}-${word.word}`}
            style={{
              fontFamily,
              fontSize,
              fontWeight: 900,
              fontStyle: wow ? 'italic' : 'normal',
              textTransform: wow ? 'uppercase' : 'none',
              lineHeight: 1.15,
              color,
              opacity: wow || spoken ? 1 : 0.92,
              padding: `${scaled(width, 4)}px ${scaled(width, 16)}px`,
              borderRadius: scaled(width, 18),
              backgroundColor: !wow && isActive ? palette.highlight : 'transparent',
              WebkitTextStroke:
                isActive && !wow ? undefined : `${scaled(width, wow ? 10 : 7)}px ${palette.ink}`,
              paintOrder: 'stroke fill',
              // A hard shadow: blurred text shadows are slow to rasterize without a GPU.
              textShadow: `0 ${scaled(width, 6)}px 0 rgba(0,0,0,0.5)`,
              transform: `scale(${scale}) rotate(${wow && isActive ? -3 : 0}deg)`,
              display: 'inline-block',
            }}
          >
            {word.word}
          </span>
        );
      })}
    </AbsoluteFill>
  );
}
