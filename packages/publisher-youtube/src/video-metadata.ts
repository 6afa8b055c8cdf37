import type { PublishDraft } from '@reelsmith/core';
import type { ResolvedYouTubeOptions } from './youtube-options.js';

/** The `snippet` and `status` sent with `videos.insert`. */
export interface VideoMetadata {
  snippet: {
    title: string;
    description: string;
    tags: string[];
    categoryId: string;
    defaultLanguage?: string;
    defaultAudioLanguage?: string;
  };
  status: {
    privacyStatus: 'public' | 'unlisted' | 'private';
    selfDeclaredMadeForKids: boolean;
    containsSyntheticMedia: boolean;
  };
}

const encoder = new TextEncoder();

/** The last line of every description: `ref: <marker>`, how `findExisting` recognizes the post. */
export function markerLine(marker: string): string {
  return `ref: ${marker}`;
}

/** The description as uploaded: the draft's text, a blank line, then the marker line. */
export function describeWithMarker(description: string, marker: string): string {
  const body = description.trimEnd();
  return body === '' ? markerLine(marker) : `${body}\n\n${markerLine(marker)}`;
}

/** True when `description` carries the marker line of `marker` (a whole line, so `m-1` never matches `m-12`). */
export function hasMarkerLine(description: string | undefined, marker: string): boolean {
  if (!description) return false;
  const wanted = markerLine(marker);
  return description.split(/\r?\n/).some((line) => line.trim() === wanted);
}

/** The draft's tags then the configured ones, without `#`, blanks or duplicates (case-insensitive). */
export function mergeTags(draftTags: readonly string[], extra: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of [...draftTags, ...extra]) {
    const tag = raw.replace(/^#+/, '').trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** How YouTube counts the 500-character tag limit: a tag with spaces counts its quotes, commas count. */
export function tagCharacters(tags: readonly string[]): number {
  const each = tags.reduce((sum, tag) => sum + characters(tag) + (/\s/.test(tag) ? 2 : 0), 0);
  return each + Math.max(0, tags.length - 1);
}

/** Length in code points (YouTube's count; an emoji of several code points counts more). */
export function characters(text: string): number {
  return [...text].length;
}

/** UTF-8 bytes. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).byteLength;
}

/** Builds the `videos.insert` metadata of a draft. */
export function videoMetadata(draft: PublishDraft, options: ResolvedYouTubeOptions): VideoMetadata {
  return {
    snippet: {
      title: draft.title.trim(),
      description: describeWithMarker(draft.description, draft.marker),
      tags: mergeTags(draft.tags, options.tags),
      categoryId: options.categoryId,
      ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
      ...(options.defaultAudioLanguage ? { defaultAudioLanguage: options.defaultAudioLanguage } : {}),
    },
    status: {
      privacyStatus: options.privacyStatus,
      selfDeclaredMadeForKids: options.selfDeclaredMadeForKids,
      containsSyntheticMedia: options.containsSyntheticMedia,
    },
  };
}
