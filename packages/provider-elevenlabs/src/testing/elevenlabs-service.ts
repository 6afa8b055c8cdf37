import { delay, type HttpHandler, HttpResponse, type HttpResponseResolver, http } from 'msw';
import { createMp3, createPcm, createWavFile } from './audio-fixtures.js';

/** The with-timestamps endpoint on the default base URL, as an msw path. */
export const withTimestampsUrl = 'https://api.elevenlabs.io/v1/text-to-speech/:voiceId/with-timestamps';

/** One request the fake service received. */
export interface ReceivedRequest {
  voiceId: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** How the fake service answers. */
export interface FakeServiceOptions {
  /** Its per-request character limit (400 `max_character_limit_exceeded` above it). Default 10 000. */
  maxCharacters?: number;
  /** Which alignments to send: both (default), `normalized_alignment` only, none, or corrupt ones. */
  alignment?: 'both' | 'normalized' | 'none' | 'corrupt' | 'corrupt-alignment-only';
  /** Speaking time per character. Default 50 ms. */
  msPerCharacter?: number;
  /** Silence after the last character. Default 200 ms. */
  tailMs?: number;
  /** Receives every request. */
  received?: ReceivedRequest[];
  /** Holds each answer this long. */
  delayMs?: number;
}

/**
 * An msw resolver that answers `POST /v1/text-to-speech/{voice_id}/with-timestamps` like
 * ElevenLabs: `{ audio_base64, alignment, normalized_alignment }` with audio in the requested
 * `output_format` (default `mp3_44100_128`) lasting as long as the alignment says, a
 * `request-id` header, 422 for a body without `text`, and 400 `max_character_limit_exceeded`
 * for text over the limit.
 */
export function withTimestampsResolver(options: FakeServiceOptions = {}): HttpResponseResolver {
  let counter = 0;
  return async ({ request, params }) => {
    const url = new URL(request.url);
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    options.received?.push({
      voiceId: String(params.voiceId),
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(request.headers),
      body,
    });
    if (options.delayMs) await delay(options.delayMs);
    const text = body.text;
    if (typeof text !== 'string' || text === '') {
      return HttpResponse.json(
        { detail: [{ loc: ['body', 'text'], msg: 'field required', type: 'value_error.missing' }] },
        { status: 422 },
      );
    }
    const characters = Array.from(text);
    const limit = options.maxCharacters ?? 10_000;
    if (characters.length > limit) {
      return errorResponse(400, {
        status: 'max_character_limit_exceeded',
        message: `This request's text has ${characters.length} characters and exceeds the character limit of ${limit.toLocaleString('en-US')} characters.`,
      });
    }
    counter += 1;
    const format = url.searchParams.get('output_format') ?? 'mp3_44100_128';
    const ms = options.msPerCharacter ?? 50;
    const durationMs = characters.length * ms + (options.tailMs ?? 200);
    const audio = Buffer.from(audioFor(format, durationMs)).toString('base64');
    return HttpResponse.json(
      { audio_base64: audio, ...alignments(characters, ms, options.alignment ?? 'both') },
      {
        headers: {
          'request-id': `req_${counter}_${characters.length}`,
          'character-cost': String(characters.length),
          'current-concurrent-requests': '1',
        },
      },
    );
  };
}

/** The success handlers: the with-timestamps endpoint answered by {@link withTimestampsResolver}. */
export function elevenLabsSuccess(options: FakeServiceOptions = {}): HttpHandler[] {
  return [http.post(withTimestampsUrl, withTimestampsResolver(options))];
}

/** Mounts `resolver` on the with-timestamps endpoint (the contract suites' `route`). */
export function elevenLabsRoute(resolver: HttpResponseResolver): HttpHandler[] {
  return [http.post(withTimestampsUrl, resolver)];
}

/** An ElevenLabs error answer: `{ "detail": detail }` as JSON, with optional headers. */
export function elevenLabsError(
  status: number,
  detail: unknown,
  headers: Record<string, string> = {},
): HttpResponseResolver {
  return () => errorResponse(status, detail, headers);
}

function errorResponse(status: number, detail: unknown, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ detail } as Record<string, unknown>, {
    status,
    headers: { 'request-id': `req_error_${status}`, ...headers },
  });
}

function alignments(characters: string[], ms: number, mode: NonNullable<FakeServiceOptions['alignment']>) {
  const starts = characters.map((_, index) => (index * ms) / 1000);
  const ends = characters.map((_, index) => ((index + 1) * ms) / 1000);
  const written = { characters, character_start_times_seconds: starts, character_end_times_seconds: ends };
  // The spoken text starts with a padding space, as ElevenLabs sends it.
  const normalized = {
    characters: [' ', ...characters],
    character_start_times_seconds: [0, ...starts],
    character_end_times_seconds: [0, ...ends],
  };
  const corrupt = { ...written, character_end_times_seconds: ends.slice(0, -1) };
  switch (mode) {
    case 'normalized':
      return { alignment: null, normalized_alignment: normalized };
    case 'none':
      return { alignment: null, normalized_alignment: null };
    case 'corrupt':
      return { alignment: corrupt, normalized_alignment: { ...corrupt, characters: [' ', ...characters] } };
    case 'corrupt-alignment-only':
      return { alignment: corrupt, normalized_alignment: normalized };
    default:
      return { alignment: written, normalized_alignment: normalized };
  }
}

function audioFor(format: string, durationMs: number): Uint8Array {
  const [codec, rate, bitrate] = format.split('_');
  const sampleRate = Number(rate);
  if (codec === 'pcm') return createPcm(durationMs, sampleRate);
  if (codec === 'wav') return createWavFile(durationMs, sampleRate);
  if (codec === 'ulaw' || codec === 'alaw') {
    return new Uint8Array(Math.round((durationMs / 1000) * sampleRate)).fill(codec === 'ulaw' ? 0xff : 0xd5);
  }
  return createMp3(durationMs, { sampleRate, bitrateKbps: Number(bitrate) });
}
