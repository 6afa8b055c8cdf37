// Where the overlays of a composition start and end, in frames, from its length.

/** Frame boundaries of the overlays. */
export type Sections = {
  /** End of the title card (`classic`) or product reveal (`wow`). */
  openingEnd: number;
  /** Start of the price badge. */
  badgeStart: number;
  /** Start of the call-to-action end card; captions stop here. */
  endCardStart: number;
};

/**
 * The opening takes 40% of the video up to 2.4 s, the end card 30% up to 2.2 s; both at least
 * one frame, and the end card starts after the opening.
 */
export function sectionFrames(durationInFrames: number, fps: number): Sections {
  const frames = (ms: number) => Math.round((ms / 1000) * fps);
  const openingEnd = Math.max(1, Math.min(frames(2400), Math.round(durationInFrames * 0.4)));
  const endCardLength = Math.max(1, Math.min(frames(2200), Math.round(durationInFrames * 0.3)));
  const endCardStart = Math.max(openingEnd, durationInFrames - endCardLength);
  const badgeStart = Math.min(frames(400), endCardStart);
  return { openingEnd, badgeStart, endCardStart };
}
