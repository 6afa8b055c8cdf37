import { type DraftIssue, type DraftValidation, measure, type PublishDraft } from '@reelsmith/core';
import { adaptCaption, countMentions, hashtagsIn } from './instagram-caption.js';
import type { ResolvedInstagramSettings } from './instagram-settings.js';

type ValidationSettings = Pick<ResolvedInstagramSettings, 'limits' | 'caption' | 'thumbOffset'>;

/**
 * Checks a draft against the Reels limits, before any request. What the draft lets us check:
 * caption length (graphemes, `Intl.Segmenter`), hashtags and mentions of the caption as it will be
 * posted, aspect ratio (9:16 within the tolerance), frame width, duration, file size and media
 * type, and `thumbOffset` against the duration. The codecs (H.264/HEVC, AAC), frame rate and
 * `moov` placement are not in the draft: Instagram checks them after the upload and a failure comes
 * back as container status `ERROR` (2207026), mapped to `invalid_input` with the re-encode fix.
 */
export function validateDraft(draft: PublishDraft, settings: ValidationSettings): DraftValidation {
  const { limits } = settings;
  const issues: DraftIssue[] = [];
  const add = (field: string, problem: string, fix: string) => issues.push({ field, problem, fix });

  if (typeof draft.marker !== 'string' || draft.marker.trim() === '') {
    add(
      'marker',
      'the draft has no publish marker',
      'publish through the pipeline (ctx.publish) or set a marker',
    );
  }
  const length = measure(draft.description ?? '', 'graphemes');
  if (length > limits.captionGraphemes) {
    add(
      'description',
      `the caption has ${length} characters; Instagram takes at most ${limits.captionGraphemes}`,
      `shorten the description to ${limits.captionGraphemes} characters (the compliance guard fits captions per platform)`,
    );
  } else {
    const caption = adaptCaption(draft, settings);
    if (caption === undefined) {
      add(
        'description',
        `the disclosures and the marker line alone exceed ${limits.captionGraphemes} characters`,
        'shorten caption.disclosure or raise limits.captionGraphemes',
      );
    } else {
      const hashtags = hashtagsIn(caption).length;
      if (hashtags > limits.hashtags) {
        add(
          'description',
          `the caption has ${hashtags} hashtags (#ad included); the limit is ${limits.hashtags} (limits of ${limits.date})`,
          `keep at most ${limits.hashtags} hashtags in the description, or raise limits.hashtags`,
        );
      }
      const mentions = countMentions(caption);
      if (mentions > limits.mentions) {
        add(
          'description',
          `the caption has ${mentions} @mentions; the limit is ${limits.mentions}`,
          `mention at most ${limits.mentions} accounts`,
        );
      }
    }
  }
  checkFrame(draft, limits, add);
  if (!Number.isFinite(draft.durationMs) || draft.durationMs < limits.minDurationMs) {
    add(
      'durationMs',
      `the video lasts ${draft.durationMs} ms; Reels need at least ${limits.minDurationMs} ms`,
      'render a longer video',
    );
  } else if (draft.durationMs > limits.maxDurationMs) {
    add(
      'durationMs',
      `the video lasts ${draft.durationMs} ms; Reels take at most ${limits.maxDurationMs} ms`,
      'render a shorter video (15–60 s is safest for affiliate clips)',
    );
  }
  const size = draft.video?.size;
  if (typeof size !== 'number' || size <= 0) {
    add('video.size', 'the video is empty', 'store the rendered video and pass its MediaRef');
  } else if (size > limits.maxFileBytes) {
    add(
      'video.size',
      `the video has ${size} bytes; Instagram takes at most ${limits.maxFileBytes}`,
      'encode at a lower bitrate (VBR ≤ 25 Mbps) or shorten the video',
    );
  }
  const mediaType = draft.video?.mediaType;
  if (!limits.videoMediaTypes.includes(mediaType)) {
    add(
      'video.mediaType',
      `the video is ${JSON.stringify(mediaType)}; Reels take ${limits.videoMediaTypes.join(' or ')}`,
      'encode MP4: ffmpeg -c:v libx264 -pix_fmt yuv420p -r 30 -c:a aac -ar 48000 -movflags +faststart',
    );
  }
  if (settings.thumbOffset !== undefined && settings.thumbOffset > draft.durationMs) {
    add(
      'thumbOffset',
      `thumbOffset ${settings.thumbOffset} ms is after the end of the video (${draft.durationMs} ms)`,
      'choose a cover frame inside the video',
    );
  }
  return { ok: issues.length === 0, issues };
}

function checkFrame(
  draft: PublishDraft,
  limits: ValidationSettings['limits'],
  add: (field: string, problem: string, fix: string) => void,
): void {
  const { width, height } = draft;
  if (!(width > 0) || !(height > 0)) {
    add('width', `the frame is ${width}×${height}`, 'pass the rendered width and height in pixels');
    return;
  }
  const ratio = width / height;
  if (Math.abs(ratio - limits.aspectRatio) / limits.aspectRatio > limits.aspectTolerance) {
    add(
      'width',
      `the frame is ${width}×${height} (aspect ${ratio.toFixed(3)}); Reels are 9:16 (${limits.aspectRatio.toFixed(3)}) and other ratios are cropped`,
      'render 1080×1920',
    );
  }
  if (width > limits.maxWidth) {
    add('width', `the frame is ${width} px wide; the limit is ${limits.maxWidth}`, 'render 1080×1920');
  }
}
