import { assertJsonValue, ConfigError, type DraftIssue, type DraftValidation } from '@reelsmith/core';
import type { LocalPublishDraft } from './run-metadata.js';

/** Longest title a local folder accepts, like most platforms. */
export const maxTitleLength = 100;
/** Longest description. */
export const maxDescriptionLength = 5000;

/**
 * Checks what a local folder can check: a title of 1–100 characters, a description of at most
 * 5,000, a marker, a video reference, positive width, height and duration, string tags and
 * links, and `metadata` that JSON can hold. Every issue names the draft field and the fix.
 */
export function validateDraft(draft: LocalPublishDraft): DraftValidation {
  const issues: DraftIssue[] = [];
  const add = (field: string, problem: string, fix: string) => issues.push({ field, problem, fix });

  if (typeof draft.marker !== 'string' || draft.marker.trim() === '') {
    add('marker', 'is empty', 'publish through the pipeline, which sets the marker from the run id');
  }
  if (typeof draft.title !== 'string' || draft.title.trim() === '') {
    add('title', 'is empty', 'give the video a title');
  } else if (draft.title.length > maxTitleLength) {
    add('title', `has ${draft.title.length} characters (at most ${maxTitleLength})`, 'shorten the title');
  }
  if (typeof draft.description !== 'string') {
    add('description', 'is not a string', 'pass the description text (it may be empty)');
  } else if (draft.description.length > maxDescriptionLength) {
    add(
      'description',
      `has ${draft.description.length} characters (at most ${maxDescriptionLength})`,
      'shorten the description',
    );
  }
  checkStrings(draft.tags, 'tags', 'pass the tags as an array of strings', add);
  if (draft.links !== undefined)
    checkStrings(draft.links, 'links', 'pass the links as an array of URLs', add);
  checkReference(
    draft.video,
    'video',
    'store the rendered video in the media store and pass its MediaRef',
    add,
  );
  if (draft.thumbnail !== undefined) {
    checkReference(draft.thumbnail, 'thumbnail', 'pass the thumbnail MediaRef or leave it out', add);
  }
  for (const field of ['width', 'height', 'durationMs'] as const) {
    const value = draft[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      add(field, `is ${String(value)}; it must be a number above 0`, `pass the rendered video's ${field}`);
    }
  }
  if (draft.metadata !== undefined) {
    try {
      assertJsonValue(draft.metadata, 'publisher-local', 'metadata');
    } catch (error) {
      if (!ConfigError.isInstance(error)) throw error;
      for (const issue of error.issues) add(issue.field, issue.problem, issue.fix);
    }
  }
  return { ok: issues.length === 0, issues };
}

// ---------------------------------------------------------------------------------------------

function checkStrings(
  value: unknown,
  field: string,
  fix: string,
  add: (field: string, problem: string, fix: string) => void,
): void {
  if (!Array.isArray(value)) add(field, 'is not an array', fix);
  else if (value.some((item) => typeof item !== 'string'))
    add(field, 'holds a value that is not a string', fix);
}

function checkReference(
  value: unknown,
  field: string,
  fix: string,
  add: (field: string, problem: string, fix: string) => void,
): void {
  const key = (value as { key?: unknown } | null | undefined)?.key;
  if (typeof value !== 'object' || value === null || typeof key !== 'string' || key === '') {
    add(field, 'is missing or has no key', fix);
  }
}
