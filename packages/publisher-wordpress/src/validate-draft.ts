import type { DraftIssue, DraftValidation, PublishDraft } from '@reelsmith/core';
import { httpsUrl } from './escape-html.js';
import { wordpressDefaults } from './wordpress-defaults.js';

/** The limits `validate` checks a draft against. */
export interface DraftLimits {
  maxUploadBytes: number;
  maxTitleLength: number;
  slugFromMarker: (marker: string) => string;
}

/**
 * Checks a draft before anything is uploaded: a title of sensible length, a video and
 * thumbnail WordPress accepts by default and that fit the upload limit, https links only, and
 * a marker that makes a valid slug. Text is HTML-escaped when the post is built, so any text passes.
 */
export function validateDraft(draft: PublishDraft, limits: DraftLimits): DraftValidation {
  const issues: DraftIssue[] = [];
  const title = typeof draft.title === 'string' ? draft.title.trim() : '';
  if (title === '') {
    issues.push({ field: 'title', problem: 'the title is empty', fix: 'give the post a title' });
  } else if ([...title].length > limits.maxTitleLength) {
    issues.push({
      field: 'title',
      problem: `the title has ${[...title].length} characters; at most ${limits.maxTitleLength} are accepted`,
      fix: `shorten the title (themes and feeds cut long titles; ~60 characters reads best)`,
    });
  }
  if (typeof draft.description !== 'string') {
    issues.push({ field: 'description', problem: 'the description is missing', fix: 'pass the post text' });
  }
  checkMedia(issues, 'video', draft.video, wordpressDefaults.videoMediaTypes, limits.maxUploadBytes, true);
  if (draft.thumbnail !== undefined) {
    checkMedia(
      issues,
      'thumbnail',
      draft.thumbnail,
      wordpressDefaults.imageMediaTypes,
      limits.maxUploadBytes,
      false,
    );
  }
  (draft.links ?? []).forEach((link, index) => {
    if (httpsUrl(link) === undefined) {
      issues.push({
        field: `links[${index}]`,
        problem: `${JSON.stringify(String(link).slice(0, 100))} is not an https URL`,
        fix: 'use the https:// form of the link (affiliate links must not be plain http)',
      });
    }
  });
  (draft.tags ?? []).forEach((tag, index) => {
    if (typeof tag !== 'string' || tag.trim() === '' || tag.length > 200) {
      issues.push({
        field: `tags[${index}]`,
        problem: 'a tag is empty or longer than 200 characters',
        fix: 'drop or shorten it',
      });
    }
  });
  const marker = typeof draft.marker === 'string' ? draft.marker : '';
  const slug = marker === '' ? '' : limits.slugFromMarker(marker);
  if (!/^[a-z0-9][a-z0-9-]{0,199}$/.test(slug)) {
    issues.push({
      field: 'marker',
      problem: `the marker gives the slug ${JSON.stringify(slug)}, which WordPress would change`,
      fix: 'use lowercase letters, digits and "-" in the marker (or in slugFromMarker)',
    });
  }
  return { ok: issues.length === 0, issues };
}

function checkMedia(
  issues: DraftIssue[],
  field: string,
  ref: PublishDraft['video'] | undefined,
  types: readonly string[],
  maxBytes: number,
  required: boolean,
): void {
  if (ref === undefined || ref === null || typeof ref !== 'object') {
    if (required)
      issues.push({
        field,
        problem: 'no media reference',
        fix: 'store the rendered file and pass its MediaRef',
      });
    return;
  }
  const mediaType = String(ref.mediaType ?? '').toLowerCase();
  if (!types.includes(mediaType)) {
    issues.push({
      field: `${field}.mediaType`,
      problem: `"${mediaType}" is not a type WordPress accepts by default`,
      fix: `convert it to ${types.slice(0, 2).join(' or ')}`,
    });
  }
  if (!(ref.size > 0)) {
    issues.push({ field: `${field}.size`, problem: 'the file is empty', fix: 'render the file again' });
  } else if (ref.size > maxBytes) {
    issues.push({
      field: `${field}.size`,
      problem: `the file has ${ref.size} bytes; the upload limit is ${maxBytes} bytes`,
      fix: 'raise the site limit (upload_max_filesize, post_max_size, client_max_body_size) and `maxUploadBytes`, or publish a smaller file',
    });
  }
}
