import { useMemo } from 'react';
import { AbsoluteFill, random, useCurrentFrame, useVideoConfig } from 'remotion';
import { palette } from '../theme.js';

/** Props of {@link Particles}. */
export type ParticlesProps = {
  count?: number;
  /** Seed of the deterministic layout. */
  seed?: string;
};

const colors = [palette.highlight, palette.paper, palette.cyan, palette.accent] as const;

/** Sparkles drifting upwards and twinkling; deterministic for a seed, so every render matches. */
export function Particles(props: ParticlesProps) {
  const frame = useCurrentFrame();
  const { width, height, fps } = useVideoConfig();
  const count = props.count ?? 28;
  const seed = props.seed ?? 'reelsmith';
  const particles = useMemo(
    () =>
      Array.from({ length: count }, (_, index) => ({
        id: `${seed}-${index}`,
        phase: index,
        x: random(`${seed}-x-${index}`) * width,
        speed: 40 + random(`${seed}-s-${index}`) * 120, // pixels per second
        startY: random(`${seed}-y-${index}`) * height,
        size: 12 + random(`${seed}-r-${index}`) * 28,
        color: colors[index % colors.length],
      })),
    [count, seed, width, height],
  );
  return (
    <AbsoluteFill style={{ pointerEvents: 'none' }}>
      {particles.map((particle) => {
        const y = (((particle.startY - (frame / fps) * particle.speed) % height) + height) % height;
        const twinkle = 0.35 + 0.65 * Math.abs(Math.sin(frame / 7 + particle.phase));
        return (
          <div
            key={particle.id}
            style={{
              position: 'absolute',
              left: particle.x,
              top: y,
              width: particle.size,
              height: particle.size,
              // A soft dot drawn by a gradient: far cheaper than a blurred shadow in software rendering.
              background: `radial-gradient(circle, ${particle.color} 0%, ${particle.color} 22%, transparent 62%)`,
              opacity: twinkle,
            }}
          />
        );
      })}
    </AbsoluteFill>
  );
}
