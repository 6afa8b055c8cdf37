import { type CallOptions, type CallWarning, ProviderError, type WordTiming } from '@reelsmith/core';
import { type AudioPart, decodeAudioPart, joinAudioParts } from './audio/audio-part.js';
import { type AudioLayout, mediaTypeOf } from './audio/output-format.js';
import { type ErrorContext, parseErrorDetail } from './elevenlabs-error.js';
import {
  requestWithTimestamps,
  type TimestampsRequest,
  type TimestampsResponse,
  type Transport,
} from './elevenlabs-request.js';
import { countCharacters, splitText } from './split-text.js';
import { type ChunkTimings, CorruptAlignmentError, chunkTimings } from './word-timings.js';

/** Everything needed to synthesize one script. */
export interface ChunkPlan {
  /** The script, already split under the model's limit. */
  chunks: string[];
  voiceId: string;
  /** Request fields shared by every chunk (model, format, voice settings, …). */
  base: Omit<TimestampsRequest, 'text' | 'previousText' | 'nextText' | 'previousRequestIds'>;
  /** Send `previous_text`, `next_text` and `previous_request_ids`. */
  stitching: boolean;
  /** Characters of the neighbouring chunks sent as context. */
  contextCharacters: number;
  /** How many times a chunk refused as too long is split again. */
  maxSplitRetries: number;
  layout: AudioLayout;
}

/** The stitched result of all chunks. */
export interface StitchedSpeech {
  audio: Uint8Array;
  mediaType: string;
  durationMs: number;
  words: WordTiming[];
  /** Characters sent as `text` (what is billed). */
  characters: number;
  warnings: CallWarning[];
}

interface QueuedChunk {
  text: string;
  depth: number;
}

interface DoneChunk {
  part: AudioPart;
  timings: ChunkTimings;
  requestId: string | undefined;
}

/**
 * Synthesizes the chunks in order, one request each, passing the neighbouring text and the
 * previous request ids when the model supports stitching. A chunk the service refuses as too
 * long (`max_character_limit_exceeded`) is split at sentence ends and retried as smaller chunks.
 * The audio is joined (WAV samples or MP3 frames) and each chunk's word timings are shifted by
 * the length of the audio before it.
 */
export async function synthesizeChunks(
  plan: ChunkPlan,
  transport: Transport,
  context: ErrorContext,
  options: CallOptions,
): Promise<StitchedSpeech> {
  const queue: QueuedChunk[] = plan.chunks.map((text) => ({ text, depth: 0 }));
  const done: DoneChunk[] = [];
  const warnings: CallWarning[] = [];
  while (done.length < queue.length) {
    const index = done.length;
    const chunk = queue[index] as QueuedChunk;
    let response: TimestampsResponse;
    try {
      response = await requestWithTimestamps(
        transport,
        plan.voiceId,
        buildRequest(plan, queue, index, done),
        context,
        options.signal,
      );
    } catch (error) {
      const pieces = resplit(error, chunk, plan.maxSplitRetries);
      if (!pieces) throw error;
      queue.splice(index, 1, ...pieces.map((text) => ({ text, depth: chunk.depth + 1 })));
      warnings.push({
        type: 'other',
        message:
          `ElevenLabs refused a ${countCharacters(chunk.text)}-character chunk as too long ` +
          `(max_character_limit_exceeded); it was split into ${pieces.length} chunks. Lower ` +
          `\`models.${context.modelId}.maxCharacters\` to avoid the extra request.`,
      });
      continue;
    }
    done.push(readChunk(chunk.text, response, plan.layout, context));
    options.onProgress?.({
      fraction: done.length / queue.length,
      message: `synthesized chunk ${done.length} of ${queue.length}`,
    });
  }
  return stitch(queue, done, plan.layout, warnings);
}

// ---------------------------------------------------------------------------------------------

function buildRequest(
  plan: ChunkPlan,
  queue: readonly QueuedChunk[],
  index: number,
  done: readonly DoneChunk[],
): TimestampsRequest {
  const text = (queue[index] as QueuedChunk).text;
  if (!plan.stitching || queue.length === 1) return { ...plan.base, text };
  const before = queue.slice(0, index).map((chunk) => chunk.text);
  const after = queue.slice(index + 1).map((chunk) => chunk.text);
  const previousRequestIds = done
    .map((chunk) => chunk.requestId)
    .filter((id): id is string => id !== undefined)
    .slice(-3);
  return {
    ...plan.base,
    text,
    ...(before.length > 0 && plan.contextCharacters > 0
      ? { previousText: tail(before.join(' '), plan.contextCharacters) }
      : {}),
    ...(after.length > 0 && plan.contextCharacters > 0
      ? { nextText: head(after.join(' '), plan.contextCharacters) }
      : {}),
    ...(previousRequestIds.length > 0 ? { previousRequestIds } : {}),
  };
}

/** The smaller chunks to retry after a `max_character_limit_exceeded`, or undefined to give up. */
function resplit(error: unknown, chunk: QueuedChunk, maxSplitRetries: number): string[] | undefined {
  if (!ProviderError.isInstance(error) || error.code !== 'max_character_limit_exceeded') return undefined;
  if (chunk.depth >= maxSplitRetries) return undefined;
  const length = countCharacters(chunk.text);
  const stated = statedLimit(error.body);
  const limit = stated !== undefined && stated < length ? stated : Math.floor(length / 2);
  if (limit < 1) return undefined;
  const pieces = splitText(chunk.text, limit);
  return pieces.length > 1 ? pieces : undefined;
}

/** "… exceeds the character limit of 10,000 characters …" → 10000. */
function statedLimit(body: unknown): number | undefined {
  const message = parseErrorDetail(body).message ?? '';
  const match = /limit of ([\d,.\s]+?)\s*characters/i.exec(message);
  const value = match ? Number((match[1] as string).replace(/[,.\s]/g, '')) : Number.NaN;
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function readChunk(
  text: string,
  response: TimestampsResponse,
  layout: AudioLayout,
  context: ErrorContext,
): DoneChunk {
  const bytes = new Uint8Array(Buffer.from(response.data.audioBase64 ?? '', 'base64'));
  const part = decodeAudioPart(bytes, layout);
  const fail = (code: string, message: string, kind: 'transient' | 'unknown') =>
    new ProviderError({
      kind,
      provider: context.provider,
      status: 200,
      code,
      message,
      requestId: response.requestId,
    });
  if (part.data.length === 0 || !(part.durationMs > 0)) {
    throw fail('empty_audio', 'ElevenLabs answered 200 without audio in `audio_base64`', 'transient');
  }
  try {
    return {
      part,
      timings: chunkTimings(text, response.data, part.durationMs),
      requestId: response.requestId,
    };
  } catch (error) {
    if (!(error instanceof CorruptAlignmentError)) throw error;
    throw fail(
      'corrupt_alignment',
      `ElevenLabs sent a corrupt character alignment: ${error.problem}`,
      'unknown',
    );
  }
}

function stitch(
  queue: readonly QueuedChunk[],
  done: readonly DoneChunk[],
  layout: AudioLayout,
  warnings: CallWarning[],
): StitchedSpeech {
  const joined = joinAudioParts(
    done.map((chunk) => chunk.part),
    layout,
  );
  const words: WordTiming[] = [];
  let offsetMs = 0;
  for (const chunk of done) {
    for (const word of chunk.timings.words) {
      words.push({
        word: word.word,
        startMs: Math.round(offsetMs + word.startMs),
        endMs: Math.round(offsetMs + word.endMs),
      });
    }
    offsetMs += chunk.part.durationMs;
  }
  warnings.push(...timingWarnings(done));
  if (done.some((chunk) => !chunk.part.exact)) {
    warnings.push({
      type: 'estimated',
      message: 'no MP3 frame was found in the audio; its duration is estimated from the bitrate',
    });
  }
  return {
    audio: joined.audio,
    mediaType: mediaTypeOf(layout),
    durationMs: Math.max(1, Math.round(joined.durationMs)),
    words,
    characters: queue.reduce((sum, chunk) => sum + countCharacters(chunk.text), 0),
    warnings,
  };
}

function timingWarnings(done: readonly DoneChunk[]): CallWarning[] {
  const of = (count: number) => (done.length === 1 ? 'the' : `${count} of ${done.length}`);
  const warnings: CallWarning[] = [];
  const skipped = done.filter((chunk) => chunk.timings.skipped);
  if (skipped.length > 0) {
    warnings.push({
      type: 'other',
      message: `ignored a corrupt alignment in ${of(skipped.length)} chunk(s): ${skipped[0]?.timings.skipped}`,
    });
  }
  const normalized = done.filter((chunk) => chunk.timings.source === 'normalized_alignment').length;
  if (normalized > 0) {
    warnings.push({
      type: 'other',
      message:
        `ElevenLabs sent no \`alignment\` for ${of(normalized)} chunk(s); their word timings follow ` +
        '`normalized_alignment`, the text as spoken (numbers and prices spelled out), not the script',
    });
  }
  const estimated = done.filter((chunk) => chunk.timings.source === 'estimated').length;
  if (estimated > 0) {
    warnings.push({
      type: 'estimated',
      message:
        `ElevenLabs sent no character alignment for ${of(estimated)} chunk(s); their word timings are ` +
        'estimated from word lengths and the audio duration',
    });
  }
  return warnings;
}

function tail(text: string, characters: number): string {
  const all = Array.from(text);
  return all.length <= characters ? text : all.slice(all.length - characters).join('');
}

function head(text: string, characters: number): string {
  const all = Array.from(text);
  return all.length <= characters ? text : all.slice(0, characters).join('');
}
