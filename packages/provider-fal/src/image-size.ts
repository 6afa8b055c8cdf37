/** The aspect ratios FLUX Kontext accepts (`aspect_ratio`, `resolution_mode`). */
export const kontextAspectRatios = [
  '21:9',
  '16:9',
  '4:3',
  '3:2',
  '1:1',
  '2:3',
  '3:4',
  '9:16',
  '9:21',
] as const;

/** One of {@link kontextAspectRatios}. */
export type KontextAspectRatio = (typeof kontextAspectRatios)[number];

/** The nearest supported ratio to `width`×`height`, and whether it matches within 1 %. */
export function nearestAspectRatio(
  width: number,
  height: number,
): { ratio: KontextAspectRatio; exact: boolean } {
  const wanted = Math.log(width / height);
  let best: KontextAspectRatio = '9:16';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ratio of kontextAspectRatios) {
    const distance = Math.abs(Math.log(ratioValue(ratio)) - wanted);
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return { ratio: best, exact: bestDistance < Math.log(1.01) };
}

function ratioValue(ratio: KontextAspectRatio): number {
  const [w, h] = ratio.split(':').map(Number) as [number, number];
  return w / h;
}

/** FLUX works on a 16-pixel grid: the nearest multiple of 16 (at least 256, at most 14 336). */
export function snapToGrid(pixels: number): number {
  return Math.min(14_336, Math.max(256, Math.round(pixels / 16) * 16));
}
