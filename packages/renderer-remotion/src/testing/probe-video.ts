// ffprobe/ffmpeg helpers for render tests.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The parts of `ffprobe -show_streams -show_format -of json` the tests read. */
export interface ProbeResult {
  streams: {
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    nb_frames?: string;
    r_frame_rate?: string;
    duration?: string;
  }[];
  format: { duration: string; format_name: string };
}

/** Runs ffprobe on a file. */
export async function probeVideo(file: string): Promise<ProbeResult> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-of',
    'json',
    file,
  ]);
  return JSON.parse(stdout) as ProbeResult;
}

/** Decodes the frame at `seconds` to raw RGB24 and, when `pngFile` is given, also saves it as PNG. */
export async function sampleFrame(file: string, seconds: number, pngFile?: string): Promise<Uint8Array> {
  if (pngFile !== undefined) {
    await run('ffmpeg', ['-v', 'error', '-y', '-ss', String(seconds), '-i', file, '-frames:v', '1', pngFile]);
  }
  const { stdout } = await run(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      String(seconds),
      '-i',
      file,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return new Uint8Array(stdout);
}

/** The variance of the luma of RGB24 pixels: near 0 for a blank frame. */
export function lumaVariance(rgb: Uint8Array): number {
  const pixels = Math.floor(rgb.length / 3);
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < pixels; index += 1) {
    const luma = 0.2126 * rgb[index * 3]! + 0.7152 * rgb[index * 3 + 1]! + 0.0722 * rgb[index * 3 + 2]!;
    sum += luma;
    squares += luma * luma;
  }
  const mean = sum / pixels;
  return squares / pixels - mean * mean;
}
