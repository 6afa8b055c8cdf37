// The offline demo: three sample products → three vertical affiliate videos, with no API keys
// and no network. Local script writer, sharp image composer and judge, eSpeak voice with word
// timings, Remotion in Debian's Chromium, and a local folder publisher with an HTML preview.
//
// Run from the repository root: npm run demo   (outputs in examples/offline-demo/out/)
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '@reelsmith/cli';
import { createMusicBed } from '@reelsmith/renderer-remotion';
import { ensureBrowser } from './ensure-browser.mjs';

const here = import.meta.dirname;
const out = path.join(here, 'out');
const browser = ensureBrowser();
await mkdir(out, { recursive: true });

// A soft chord pad the project synthesizes itself: no third-party audio.
const music = path.join(out, 'music-bed.wav');
await writeFile(music, createMusicBed({ durationMs: 60_000 }));

const started = Date.now();
const code = await runCli(
  [
    'run',
    '--offline',
    '--catalog',
    path.join(here, 'products', 'products.json'),
    '--jobs',
    path.join(here, 'jobs.json'),
    '--out',
    out,
    '--data-dir',
    path.join(out, '.reelsmith'),
    '--music',
    music,
    '--browser',
    browser,
  ],
  {
    stdout: {
      write: (text) => process.stdout.write(text),
      isTTY: process.stdout.isTTY,
      columns: process.stdout.columns,
    },
    stderr: { write: (text) => process.stderr.write(text) },
  },
);

const folders = (await readdir(out, { withFileTypes: true })).filter(
  (entry) => entry.isDirectory() && !entry.name.startsWith('.'),
);
console.log(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(0)} s. Videos:`);
for (const folder of folders)
  console.log(
    `  ${path.join(out, folder.name, 'video.mp4')}   (preview: ${path.join(out, folder.name, 'index.html')})`,
  );
process.exitCode = code;
