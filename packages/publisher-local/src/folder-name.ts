import { randomUUID } from 'node:crypto';

/** Longest slug taken from a title. */
const maxSlugLength = 60;
/** Longest part of a folder name taken from a marker. */
const maxMarkerLength = 80;

/** Lower-case ASCII words joined by dashes (`Steel Kettle — 1.7 L!` → `steel-kettle-1-7-l`); `video` when none. */
export function slugify(text: string, maxLength = maxSlugLength): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug === '' ? 'video' : slug;
}

/** The marker made safe for a folder name: letters, digits, `-` and `_` kept. */
export function markerSlug(marker: string): string {
  const safe = marker.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, maxMarkerLength);
  return safe === '' ? 'marker' : safe;
}

/** `<slug-of-title>-<marker>`: the folder of one published video. */
export function runFolderName(title: string, marker: string): string {
  return `${slugify(title)}-${markerSlug(marker)}`;
}

const tempPattern = /^\..+\.reelsmith-[0-9a-f-]{36}(\.old)?\.tmp$/;

/** A hidden name for a folder being written (or replaced) next to `folderName`. */
export function tempFolderName(folderName: string, purpose: 'new' | 'old' = 'new'): string {
  return `.${folderName}.reelsmith-${randomUUID()}${purpose === 'old' ? '.old' : ''}.tmp`;
}

/** True for a folder left by an unfinished publish; such folders are never read as published. */
export function isTempFolderName(name: string): boolean {
  return tempPattern.test(name);
}
