import type { DraftIssue, DraftValidation, PublishDraft } from '@reelsmith/core';
import { characters, describeWithMarker, mergeTags, tagCharacters, utf8Bytes } from './video-metadata.js';
import type { ResolvedYouTubeOptions } from './youtube-options.js';

const angle = /[<>]/;

/**
 * Checks a draft against YouTube's limits before any byte is sent: title, description (with the
 * marker line), tags, media type and size, and, when Shorts are required, orientation and length.
 */
export function validateDraft(draft: PublishDraft, options: ResolvedYouTubeOptions): DraftValidation {
  const { limits } = options;
  const issues: DraftIssue[] = [];
  const add = (field: string, problem: string, fix: string) => issues.push({ field, problem, fix });

  const title = typeof draft.title === 'string' ? draft.title.trim() : '';
  if (title === '') add('title', 'the title is empty', 'give the video a title (YouTube requires one)');
  if (characters(title) > limits.titleCharacters) {
    add(
      'title',
      `the title has ${characters(title)} characters, YouTube allows ${limits.titleCharacters}`,
      `shorten the title by ${characters(title) - limits.titleCharacters} characters`,
    );
  }
  if (angle.test(title))
    add('title', 'the title contains < or >', 'remove the < and > characters (YouTube rejects them)');

  const marker = typeof draft.marker === 'string' ? draft.marker : '';
  if (marker.trim() === '' || /[\r\n<>]/.test(marker)) {
    add(
      'marker',
      'the marker is empty or holds a line break, < or >',
      'use the engine’s marker (publishMarker(runId, platform))',
    );
  }
  const description = typeof draft.description === 'string' ? draft.description : '';
  if (angle.test(description)) {
    add(
      'description',
      'the description contains < or >',
      'remove the < and > characters (YouTube rejects them)',
    );
  }
  const uploaded = utf8Bytes(describeWithMarker(description, marker));
  if (uploaded > limits.descriptionBytes) {
    add(
      'description',
      `the description takes ${uploaded} UTF-8 bytes with the "ref: <marker>" line, YouTube allows ${limits.descriptionBytes}`,
      `shorten it by ${uploaded - limits.descriptionBytes} bytes before the compliance phase, or with core's fitCaption(body, disclosure, ${limits.descriptionBytes - (uploaded - utf8Bytes(description))}, 'utf8-bytes') so the disclosure stays`,
    );
  }

  const tags = mergeTags(Array.isArray(draft.tags) ? draft.tags : [], options.tags);
  if (tags.some((tag) => angle.test(tag)))
    add('tags', 'a tag contains < or >', 'remove the < and > characters');
  const tagTotal = tagCharacters(tags);
  if (tagTotal > limits.tagCharacters) {
    add(
      'tags',
      `the tags total ${tagTotal} characters (quotes around tags with spaces and commas count), YouTube allows ${limits.tagCharacters}`,
      'drop or shorten tags (hashtags in the description do not count)',
    );
  }

  const video = draft.video;
  if (!video || typeof video.key !== 'string') {
    add('video', 'no video reference', 'pass the MediaRef of the rendered video');
  } else {
    if (!/^video\//.test(video.mediaType) && video.mediaType !== 'application/octet-stream') {
      add(
        'video.mediaType',
        `"${video.mediaType}" is not a video type`,
        'upload an MP4 (video/mp4) or another video/* file',
      );
    }
    if (!(video.size > 0)) add('video.size', 'the video is empty', 'render the video again');
    if (video.size > limits.maxFileBytes) {
      add(
        'video.size',
        `the video has ${video.size} bytes, YouTube accepts ${limits.maxFileBytes}`,
        'compress the video',
      );
    }
  }

  if (options.requireShorts) {
    if (!(draft.width > 0 && draft.height > 0)) {
      add('width', 'width and height must be positive', 'pass the rendered size, e.g. 1080×1920');
    } else if (draft.width > draft.height) {
      add(
        'width',
        `the video is landscape (${draft.width}×${draft.height}); YouTube only makes vertical or square videos Shorts`,
        'render 1080×1920 (9:16), or pass requireShorts: false to publish a regular video',
      );
    }
    if (!(draft.durationMs > 0)) {
      add('durationMs', 'the duration must be positive', 'pass the rendered duration in ms');
    } else if (draft.durationMs > limits.shortsMaxDurationMs) {
      add(
        'durationMs',
        `the video lasts ${Math.round(draft.durationMs / 1000)} s; Shorts are at most ${limits.shortsMaxDurationMs / 1000} s`,
        'cut the script, or pass requireShorts: false to publish a regular video',
      );
    }
  }
  return { ok: issues.length === 0, issues };
}
