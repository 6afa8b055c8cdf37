import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CallOptions,
  type DraftValidation,
  ProviderError,
  type PublishedPost,
  type Publisher,
  type PublishOptions,
  type PublishResult,
} from '@reelsmith/core';
import { fileSystemError } from './file-errors.js';
import { isTempFolderName, markerSlug, runFolderName } from './folder-name.js';
import { type LocalPublisherSettings, parseLocalPublisherSettings } from './local-publisher-settings.js';
import { renderPreview } from './render-preview.js';
import { buildRunMetadata, type LocalPublishDraft, type RunFile, readRunMarker } from './run-metadata.js';
import { validateDraft } from './validate-draft.js';
import { removeStaleTempFolders, writeFolderAtomically } from './write-folder-atomically.js';

/** A publisher that writes a folder per video; `outDir` is the absolute folder it writes into. */
export interface LocalPublisher extends Publisher {
  readonly outDir: string;
  validate(draft: LocalPublishDraft): DraftValidation;
  publish(draft: LocalPublishDraft, options: PublishOptions): Promise<PublishResult>;
}

/**
 * Creates a `Publisher` that "publishes" to a local folder: for each draft it writes
 * `<outDir>/<slug-of-title>-<marker>/` with `video.mp4`, `thumbnail.jpg` (when the draft has one),
 * `metadata.json` and an `index.html` preview. The folder appears atomically (built under a hidden
 * temporary name, then renamed), so a crash never leaves a half-written folder that looks
 * complete, and `findExisting(marker)` finds it after a crash. Publishing costs nothing.
 *
 * Nothing touches the disk until the first `publish`; an `outDir` that cannot be written then
 * fails with a `ConfigError` naming `outDir`.
 *
 * @throws {ConfigError} when a setting is invalid, naming the field and the fix.
 *
 * @example
 * ```ts
 * const publisher = createLocalPublisher({ outDir: 'out/published' });
 * const { post } = await publisher.publish(draft, { media });
 * console.log(post.url); // file:///…/out/published/steel-kettle-review-rsm-…/index.html
 * ```
 */
export function createLocalPublisher(settings: LocalPublisherSettings): LocalPublisher {
  const resolved = parseLocalPublisherSettings(settings);
  const { id, platform } = resolved;
  const outDir = resolve(resolved.outDir);
  const postOf = (folderName: string, marker: string, publishedAt: string): PublishedPost => ({
    platform,
    id: folderName,
    url: pathToFileURL(join(outDir, folderName, 'index.html')).href,
    marker,
    publishedAt,
  });

  return {
    specificationVersion: 'v1',
    id,
    capability: 'publisher',
    platform,
    outDir,

    validate: (draft) => validateDraft(draft),

    async publish(draft, options) {
      const { media, signal } = options;
      signal?.throwIfAborted();
      const validation = validateDraft(draft);
      if (!validation.ok) {
        const issues = validation.issues.map((issue) => `\`${issue.field}\` ${issue.problem} (${issue.fix})`);
        throw new ProviderError({
          kind: 'invalid_input',
          provider: id,
          message: `the draft cannot be published: ${issues.join('; ')}`,
        });
      }
      try {
        await mkdir(outDir, { recursive: true });
      } catch (error) {
        throw fileSystemError(id, outDir, 'create the output folder', error);
      }
      await removeStaleTempFolders(outDir);

      const folderName = runFolderName(draft.title, draft.marker);
      const publishedAt = new Date().toISOString();
      try {
        await writeFolderAtomically(
          outDir,
          folderName,
          async (folder) => {
            const videoBytes = await media.get(draft.video, { signal });
            const video = fileEntry(
              `video.${videoExtension(draft.video.mediaType)}`,
              draft.video,
              videoBytes,
            );
            await folder.write(video.file, videoBytes);
            let thumbnail: RunFile | undefined;
            if (draft.thumbnail) {
              const bytes = await media.get(draft.thumbnail, { signal });
              thumbnail = fileEntry(
                `thumbnail.${imageExtension(draft.thumbnail.mediaType)}`,
                draft.thumbnail,
                bytes,
              );
              await folder.write(thumbnail.file, bytes);
            }
            signal?.throwIfAborted();
            const extra = { ...resolved.metadata, ...(draft.metadata ?? {}) };
            const metadata = buildRunMetadata(draft, {
              platform,
              publisher: id,
              publishedAt,
              video,
              thumbnail,
              settingsMetadata: resolved.metadata,
            });
            await folder.write('index.html', renderPreview(metadata, extra));
            await folder.write('metadata.json', `${JSON.stringify(metadata, null, 2)}\n`);
          },
          signal,
        );
      } catch (error) {
        throw fileSystemError(id, outDir, `write ${folderName}`, error);
      }
      return { post: postOf(folderName, draft.marker, publishedAt), cost: { usd: 0 }, warnings: [] };
    },

    async findExisting(marker: string, options: CallOptions = {}) {
      options.signal?.throwIfAborted();
      let names: string[];
      try {
        const entries = await readdir(outDir, { withFileTypes: true });
        names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return undefined;
        throw fileSystemError(id, outDir, 'list the published folders', error);
      }
      // Folders whose name ends with the marker first; then the rest, in case one was renamed.
      const suffix = `-${markerSlug(marker)}`;
      const candidates = names
        .filter((name) => !name.startsWith('.') && !isTempFolderName(name))
        .sort((a, b) => Number(b.endsWith(suffix)) - Number(a.endsWith(suffix)));
      for (const name of candidates) {
        options.signal?.throwIfAborted();
        const text = await readFile(join(outDir, name, 'metadata.json'), 'utf8').catch(() => undefined);
        const found = text === undefined ? undefined : readRunMarker(text);
        if (found?.marker === marker) return postOf(name, marker, found.publishedAt);
      }
      return undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------

function fileEntry(file: string, ref: { mediaType: string }, bytes: Uint8Array): RunFile {
  return {
    file,
    mediaType: ref.mediaType,
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

const videoExtensions: Record<string, string> = {
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'video/x-matroska': 'mkv',
};
const imageExtensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** `mp4` unless the media type names another container. */
function videoExtension(mediaType: string | undefined): string {
  return videoExtensions[String(mediaType).toLowerCase()] ?? 'mp4';
}

/** `jpg` unless the media type names another image format. */
function imageExtension(mediaType: string | undefined): string {
  return imageExtensions[String(mediaType).toLowerCase()] ?? 'jpg';
}
