// Draws the demo's three product photos from SVG (no third-party images) and writes them as
// 1000×1000 PNGs with a transparent background next to this script.
// Run: node examples/offline-demo/products/make-photos.mjs
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const size = 1000;

/** A soft contact shadow under a product, blurred in SVG. */
const groundShadow = (cx, cy, rx, ry) => `
  <filter id="ground" x="-50%" y="-200%" width="200%" height="500%"><feGaussianBlur stdDeviation="14"/></filter>
  <ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="#000" fill-opacity="0.32" filter="url(#ground)"/>`;

/** A horizontal gradient from a list of [offset, colour] stops. */
const gradient = (id, stops, attributes = 'x1="0" y1="0" x2="1" y2="0"') =>
  `<linearGradient id="${id}" ${attributes}>${stops
    .map(([offset, color]) => `<stop offset="${offset}" stop-color="${color}"/>`)
    .join('')}</linearGradient>`;

const steel = [
  [0, '#5b6470'],
  [0.2, '#c9d1d9'],
  [0.38, '#ffffff'],
  [0.55, '#aab4bf'],
  [0.8, '#e6ebf0'],
  [1, '#4b5360'],
];

const bottle = `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 1000 1000">
  <defs>
    ${gradient('coat', [
      [0, '#0b3a45'],
      [0.16, '#1d7f80'],
      [0.34, '#7fd9cc'],
      [0.48, '#2a9d8f'],
      [0.82, '#145f6a'],
      [1, '#082f38'],
    ])}
    ${gradient('steel', steel)}
    ${gradient('cap', [
      [0, '#0f1115'],
      [0.3, '#3a3f48'],
      [0.45, '#5c636e'],
      [0.7, '#23272e'],
      [1, '#0b0c0f'],
    ])}
    <clipPath id="body"><path d="M430 205 L570 205 C570 250 620 262 620 315 L620 870 Q620 920 570 920 L430 920 Q380 920 380 870 L380 315 C380 262 430 250 430 205 Z"/></clipPath>
  </defs>
  ${groundShadow(500, 925, 160, 20)}
  <path d="M466 118 C466 38 534 38 534 118" fill="none" stroke="#2b2f36" stroke-width="20" stroke-linecap="round"/>
  <rect x="432" y="100" width="136" height="86" rx="20" fill="url(#cap)"/>
  <rect x="440" y="112" width="12" height="62" rx="6" fill="#ffffff" fill-opacity="0.18"/>
  <g clip-path="url(#body)">
    <rect x="370" y="190" width="260" height="740" fill="url(#coat)"/>
    <rect x="370" y="190" width="260" height="52" fill="url(#steel)"/>
    <rect x="370" y="885" width="260" height="40" fill="url(#steel)"/>
    <rect x="446" y="300" width="16" height="560" rx="8" fill="#ffffff" fill-opacity="0.28"/>
  </g>
  <rect x="426" y="182" width="148" height="26" rx="6" fill="url(#steel)"/>
  <path d="M452 560 q24 -26 48 0 t48 0" fill="none" stroke="#ffffff" stroke-opacity="0.85" stroke-width="9" stroke-linecap="round"/>
  <path d="M452 592 q24 -26 48 0 t48 0" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="9" stroke-linecap="round"/>
</svg>`;

const earbuds = `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 1000 1000">
  <defs>
    ${gradient('shell', [
      [0, '#0b1026'],
      [0.18, '#1e2f7a'],
      [0.36, '#6d8cf5'],
      [0.5, '#2b45a8'],
      [0.85, '#151f52'],
      [1, '#080c1d'],
    ])}
    ${gradient('lid', [
      [0, '#0a0f24'],
      [0.5, '#1c2a66'],
      [1, '#0a0f24'],
    ])}
    <radialGradient id="bud" cx="0.35" cy="0.3" r="0.8">
      <stop offset="0" stop-color="#ffffff"/><stop offset="0.55" stop-color="#eceff4"/><stop offset="1" stop-color="#9aa3b2"/>
    </radialGradient>
    ${gradient('stem', [
      [0, '#aeb6c4'],
      [0.35, '#ffffff'],
      [1, '#c5ccd7'],
    ])}
  </defs>
  ${groundShadow(500, 805, 230, 24)}
  <path d="M300 560 C300 360 360 300 500 300 C640 300 700 360 700 560 Z" fill="url(#lid)"/>
  <path d="M330 550 C330 385 380 330 500 330 C620 330 670 385 670 550 Z" fill="#000" fill-opacity="0.35"/>
  <path d="M340 350 C380 318 430 310 470 312" fill="none" stroke="#ffffff" stroke-opacity="0.18" stroke-width="8" stroke-linecap="round"/>
  <rect x="472" y="548" width="56" height="22" rx="6" fill="#9aa3b2"/>
  <path d="M290 580 L710 580 L710 650 C710 740 630 800 500 800 C370 800 290 740 290 650 Z" fill="url(#shell)"/>
  <ellipse cx="500" cy="580" rx="210" ry="26" fill="#26377f"/>
  <ellipse cx="410" cy="582" rx="62" ry="16" fill="#050814"/>
  <ellipse cx="590" cy="582" rx="62" ry="16" fill="#050814"/>
  <g transform="rotate(-14 410 520)">
    <rect x="392" y="500" width="36" height="100" rx="18" fill="url(#stem)"/>
    <circle cx="410" cy="488" r="58" fill="url(#bud)"/>
    <ellipse cx="382" cy="512" rx="22" ry="12" fill="#cfd6e0" transform="rotate(-30 382 512)"/>
  </g>
  <g transform="rotate(14 590 520)">
    <rect x="572" y="500" width="36" height="100" rx="18" fill="url(#stem)"/>
    <circle cx="590" cy="488" r="58" fill="url(#bud)"/>
    <ellipse cx="618" cy="512" rx="22" ry="12" fill="#cfd6e0" transform="rotate(30 618 512)"/>
  </g>
  <circle cx="500" cy="690" r="9" fill="#34d399"/>
  <circle cx="500" cy="690" r="18" fill="#34d399" fill-opacity="0.25"/>
  <path d="M330 640 C340 720 400 765 470 775" fill="none" stroke="#ffffff" stroke-opacity="0.22" stroke-width="10" stroke-linecap="round"/>
</svg>`;

const kettle = `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 1000 1000">
  <defs>
    ${gradient('copper', [
      [0, '#5e2b12'],
      [0.18, '#a85f2f'],
      [0.36, '#f4c194'],
      [0.5, '#c47a45'],
      [0.8, '#8d4a22'],
      [1, '#4a210d'],
    ])}
    ${gradient(
      'spout',
      [
        [0, '#8d4a22'],
        [0.5, '#e9a673'],
        [1, '#6e3516'],
      ],
      'x1="0" y1="0" x2="0" y2="1"',
    )}
    ${gradient('wood', [
      [0, '#3b2412'],
      [0.5, '#7a4b27'],
      [1, '#2e1b0d'],
    ])}
  </defs>
  ${groundShadow(500, 842, 250, 24)}
  <path d="M345 760 C250 760 215 690 205 560 C197 455 170 390 110 352" fill="none" stroke="#4a210d" stroke-width="34" stroke-linecap="round"/>
  <path d="M345 760 C250 760 215 690 205 560 C197 455 170 390 110 352" fill="none" stroke="url(#spout)" stroke-width="24" stroke-linecap="round"/>
  <path d="M655 470 C800 470 830 570 806 650 C790 710 745 760 690 780" fill="none" stroke="url(#wood)" stroke-width="40" stroke-linecap="round"/>
  <path d="M350 440 L650 440 C680 600 720 740 705 800 Q698 838 655 838 L345 838 Q302 838 295 800 C280 740 320 600 350 440 Z" fill="url(#copper)"/>
  <path d="M300 800 Q302 838 345 838 L655 838 Q698 838 700 800 Z" fill="#2a1408" fill-opacity="0.55"/>
  <rect x="380" y="470" width="18" height="320" rx="9" fill="#ffffff" fill-opacity="0.22"/>
  <ellipse cx="500" cy="440" rx="156" ry="26" fill="#7a3d1a"/>
  <path d="M378 440 C390 372 440 348 500 348 C560 348 610 372 622 440 Z" fill="url(#copper)"/>
  <rect x="474" y="300" width="52" height="56" rx="18" fill="url(#wood)"/>
  <circle cx="560" cy="392" r="26" fill="#f8fafc" stroke="#3a3f48" stroke-width="5"/>
  <path d="M560 392 L574 376" stroke="#dc2626" stroke-width="4" stroke-linecap="round"/>
</svg>`;

const here = fileURLToPath(new URL('.', import.meta.url));
for (const [name, svg] of Object.entries({ bottle, earbuds, kettle })) {
  const png = await sharp(Buffer.from(svg))
    .png({ compressionLevel: 9, palette: true, quality: 95, dither: 0.5 })
    .toBuffer();
  await writeFile(`${here}${name}.png`, png);
  console.log(`${name}.png  ${(png.length / 1024).toFixed(0)} KB`);
}
