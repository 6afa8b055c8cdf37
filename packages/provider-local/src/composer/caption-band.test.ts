import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { captionBandSvg } from './caption-band.js';

const options = { width: 1080, baseColor: { r: 40, g: 120, b: 130 }, fontFamily: 'DejaVu Sans, sans-serif' };

describe('captionBandSvg', () => {
  it('returns nothing for blank text', () => {
    expect(captionBandSvg('  ', options)).toBeUndefined();
  });

  it('escapes the text and renders as valid SVG', async () => {
    const band = captionBandSvg('A & B <3 "C"', options);
    expect(band?.svg).toContain('A &amp; B &lt;3 &quot;C&quot;');
    const metadata = await sharp(Buffer.from(band?.svg ?? '')).metadata();
    expect(metadata).toMatchObject({ width: 1080, height: band?.height });
  });

  it('grows with the number of lines and never exceeds four', () => {
    const short = captionBandSvg('Short', options);
    const long = captionBandSvg('word '.repeat(80), options);
    expect(long?.height).toBeGreaterThan(short?.height ?? 0);
    expect(long?.svg.match(/<tspan/g)).toHaveLength(4);
    expect(long?.svg).toContain('…');
  });

  it('keeps wide upper-case text inside the band', async () => {
    const band = captionBandSvg('WWWWWWWW MMMMMMMM WWWWWWWW MMMMMMMM', options);
    const { data, info } = await sharp(Buffer.from(band?.svg ?? ''))
      .extract({ left: 0, top: 0, width: 64, height: band?.height ?? 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    // The 64-pixel strip left of the band must stay transparent: no glyph spills over.
    for (let offset = 3; offset < data.length; offset += info.channels) expect(data[offset]).toBe(0);
  });
});
