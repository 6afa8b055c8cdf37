/**
 * The ElevenLabs output formats this provider can stitch. Opus is left out: several Ogg
 * streams cannot be joined into one file without re-muxing.
 */
export const elevenLabsOutputFormats = [
  'pcm_8000',
  'pcm_16000',
  'pcm_22050',
  'pcm_24000',
  'pcm_32000',
  'pcm_44100',
  'pcm_48000',
  'wav_8000',
  'wav_16000',
  'wav_22050',
  'wav_24000',
  'wav_32000',
  'wav_44100',
  'wav_48000',
  'mp3_22050_32',
  'mp3_24000_48',
  'mp3_44100_32',
  'mp3_44100_64',
  'mp3_44100_96',
  'mp3_44100_128',
  'mp3_44100_192',
  'ulaw_8000',
  'alaw_8000',
] as const;

/**
 * An ElevenLabs `output_format`. `pcm_*`, `wav_*`, `ulaw_8000` and `alaw_8000` are returned as
 * one WAV file (`audio/wav`); `mp3_*` as MP3 (`audio/mpeg`). `pcm_44100`/`wav_44100` need the Pro
 * plan and `mp3_44100_192` the Creator plan.
 */
export type ElevenLabsOutputFormat = (typeof elevenLabsOutputFormats)[number];

/** How the bytes of one output format are laid out. */
export type AudioLayout =
  | { container: 'raw'; encoding: 'pcm_s16le' | 'mulaw' | 'alaw'; sampleRate: number }
  | { container: 'wav'; sampleRate: number }
  | { container: 'mp3'; sampleRate: number; bitrateKbps: number };

/** Reads the layout from a format name such as `pcm_24000` or `mp3_44100_128`. */
export function audioLayout(format: ElevenLabsOutputFormat): AudioLayout {
  const [codec, rate, bitrate] = format.split('_');
  const sampleRate = Number(rate);
  switch (codec) {
    case 'pcm':
      return { container: 'raw', encoding: 'pcm_s16le', sampleRate };
    case 'ulaw':
      return { container: 'raw', encoding: 'mulaw', sampleRate };
    case 'alaw':
      return { container: 'raw', encoding: 'alaw', sampleRate };
    case 'wav':
      return { container: 'wav', sampleRate };
    default:
      return { container: 'mp3', sampleRate, bitrateKbps: Number(bitrate) };
  }
}

/** The media type of the stitched result. */
export function mediaTypeOf(layout: AudioLayout): string {
  return layout.container === 'mp3' ? 'audio/mpeg' : 'audio/wav';
}
