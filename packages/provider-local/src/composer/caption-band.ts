import { escapeXml } from '../shared/escape-xml.js';
import { black, cssColor, mixColor, type Rgb, white } from './color-mix.js';
import { textWidthEm } from './text-width.js';
import { wrapText } from './wrap-text.js';

/** Options of {@link captionBandSvg}. */
export interface CaptionBandOptions {
  /** Frame width in pixels. */
  width: number;
  /** The frame's base colour (the photo's average), used for the band and accent. */
  baseColor: Rgb;
  fontFamily: string;
}

/** Font sizes tried at 1080 px width, largest first, with the lines each may use. */
const sizes = [
  { size: 68, lines: 3 },
  { size: 58, lines: 3 },
  { size: 50, lines: 4 },
] as const;

/**
 * An SVG, as large as the frame is wide, holding a rounded caption band with `text` centred and
 * wrapped. Returns the SVG and the band's height, or `undefined` for blank text.
 */
export function captionBandSvg(
  text: string,
  options: CaptionBandOptions,
): { svg: string; height: number } | undefined {
  if (text.trim() === '') return undefined;
  const unit = options.width / 1080;
  const bandWidth = Math.round(options.width * 0.88);
  const padding = Math.round(44 * unit);
  const innerWidth = bandWidth - padding * 2;
  let chosen = { size: 0, lines: [] as string[] };
  for (const candidate of sizes) {
    const size = Math.round(candidate.size * unit);
    const wrapped = wrapText(text, innerWidth / size, candidate.lines, textWidthEm);
    chosen = { size, lines: wrapped.lines };
    if (!wrapped.truncated) break;
  }
  const lineHeight = Math.round(chosen.size * 1.24);
  const accentHeight = Math.round(10 * unit);
  const height = padding * 2 + lineHeight * chosen.lines.length + accentHeight;
  const left = Math.round((options.width - bandWidth) / 2);
  const fill = cssColor(mixColor(options.baseColor, black, 0.72));
  const accent = cssColor(mixColor(options.baseColor, white, 0.55));
  const radius = Math.round(36 * unit);
  const firstBaseline = padding + accentHeight + Math.round(lineHeight * 0.78);
  const lines = chosen.lines
    .map(
      (line, index) =>
        `<tspan x="${options.width / 2}" y="${firstBaseline + index * lineHeight}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${height}">`,
    `<rect x="${left}" y="0" width="${bandWidth}" height="${height}" rx="${radius}" fill="${fill}" fill-opacity="0.84"/>`,
    `<rect x="${left + radius}" y="${Math.round(padding / 2)}" width="${bandWidth - radius * 2}" height="${accentHeight}" rx="${accentHeight / 2}" fill="${accent}"/>`,
    `<text text-anchor="middle" font-family="${escapeXml(options.fontFamily)}" font-weight="700" font-size="${chosen.size}" fill="#ffffff">${lines}</text>`,
    '</svg>',
  ].join('');
  return { svg, height };
}
