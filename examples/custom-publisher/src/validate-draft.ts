import type { DraftIssue, DraftValidation, PublishDraft } from '@reelsmith/core';
import type { ResolvedMastodonOptions } from './mastodon-options.js';
import { composeStatus, markerLine, statusLength } from './status-text.js';

/** Video types Mastodon accepts (it converts them to MP4). */
export const videoTypes: readonly string[] = ['video/mp4', 'video/quicktime', 'video/webm'];
/** Mastodon's default `video_matrix_limit`: width × height of 4K UHD. */
export const maxVideoPixels = 3840 * 2160;

/**
 * Checks a draft against Mastodon's limits before anything is uploaded: the status fits the
 * character limit with every disclosure kept, the video's type, size and frame, the links.
 */
export function validateDraft(draft: PublishDraft, options: ResolvedMastodonOptions): DraftValidation {
  const issues: DraftIssue[] = [];
  if (typeof draft.marker !== 'string' || draft.marker.trim() === '') {
    issues.push({
      field: 'marker',
      problem: 'is empty',
      fix: 'publish through the engine (ctx.publish or createAffiliatePipeline), which derives it from the run id',
    });
  } else if (composeStatus(draft, options) === undefined) {
    const required = [draft.links?.[0], options.disclosure, options.adMarker, markerLine(draft.marker)];
    const size = statusLength(required.filter(Boolean).join('\n'));
    issues.push({
      field: 'description',
      problem: `the link, the disclosure, ${options.adMarker} and the marker line alone take ${size} of the ${options.maxCharacters} characters Mastodon allows (a URL counts as 23)`,
      fix: 'shorten the disclosure or linkLabel option, or raise maxCharacters if your server allows longer posts',
    });
  }
  if (!videoTypes.includes(draft.video.mediaType)) {
    issues.push({
      field: 'video.mediaType',
      problem: `is ${draft.video.mediaType}`,
      fix: `render one of ${videoTypes.join(', ')}`,
    });
  }
  if (draft.video.size > options.maxVideoBytes) {
    issues.push({
      field: 'video.size',
      problem: `is ${mebibytes(draft.video.size)} MiB; the server takes at most ${mebibytes(options.maxVideoBytes)} MiB`,
      fix: 'render at a lower bitrate or a shorter duration (or raise maxVideoBytes if your server allows it)',
    });
  }
  if (draft.width * draft.height > maxVideoPixels) {
    issues.push({
      field: 'width',
      problem: `${draft.width}×${draft.height} is more pixels than Mastodon accepts (3840×2160)`,
      fix: 'render at 1080×1920',
    });
  }
  (draft.links ?? []).forEach((link, index) => {
    if (!/^https?:\/\//i.test(link) || !URL.canParse(link)) {
      issues.push({
        field: `links[${index}]`,
        problem: `${JSON.stringify(link)} is not a web address`,
        fix: 'use an https:// link',
      });
    }
  });
  return { ok: issues.length === 0, issues };
}

function mebibytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
