/** An sRGB colour, 0–255 per channel. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Mixes `color` towards `target` by `amount` (0 = `color`, 1 = `target`). */
export function mixColor(color: Rgb, target: Rgb, amount: number): Rgb {
  const mix = (from: number, to: number) => Math.round(from + (to - from) * amount);
  return { r: mix(color.r, target.r), g: mix(color.g, target.g), b: mix(color.b, target.b) };
}

/** `rgb(r,g,b)` for SVG attributes. */
export function cssColor(color: Rgb): string {
  return `rgb(${color.r},${color.g},${color.b})`;
}

/** Relative luminance, 0 (black) – 1 (white), per WCAG. */
export function luminance(color: Rgb): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

/** Pure white. */
export const white: Rgb = Object.freeze({ r: 255, g: 255, b: 255 });
/** Pure black. */
export const black: Rgb = Object.freeze({ r: 0, g: 0, b: 0 });
