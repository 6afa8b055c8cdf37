// Fonts and colours of the compositions. Only fonts a Debian Chromium has locally (no web fonts:
// rendering never touches the network).

/** A bold sans-serif stack available offline on Debian (fonts-liberation, fonts-dejavu). */
export const fontFamily = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";

/** The colours both compositions draw with. */
export const palette = {
  ink: '#101014',
  paper: '#ffffff',
  highlight: '#ffd23f',
  accent: '#ff3d81',
  cyan: '#00e5ff',
  star: '#ffc83d',
  starEmpty: 'rgba(255,255,255,0.28)',
} as const;

/** Scales a size designed for a 1080-pixel-wide frame to the actual width. */
export function scaled(width: number, size: number): number {
  return (size * width) / 1080;
}
