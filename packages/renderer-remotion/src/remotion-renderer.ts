import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  type CallOptions,
  type CallWarning,
  ConfigError,
  freeCost,
  type MediaRef,
  type Progress,
  type Renderer,
  type RenderInput,
  type RenderResult,
} from '@reelsmith/core';
import { makeCancelSignal, renderMedia, renderStill } from '@remotion/renderer';
import { resolveBrowserExecutable } from './browser-executable.js';
import { type BrowserSession, chromeMode, createBrowserSession } from './browser-session.js';
import { buildReelProps } from './build-reel-props.js';
import { getCompositionBundle } from './composition-bundle.js';
import { compositionConfig } from './composition-config.js';
import { mapRenderError, providerId } from './map-render-error.js';
import type { ReelProps } from './remotion/reel-props.js';
import { type RemotionRendererSettings, resolveRendererSettings } from './renderer-settings.js';
import { type StagedAssets, stageAssets } from './stage-assets.js';
import { validateRenderInput } from './validate-render-input.js';

/** A {@link Renderer} backed by Remotion, holding one browser open between renders. */
export interface RemotionRenderer extends Renderer {
  /** Closes the shared browser. Later renders open a new one. */
  close(): Promise<void>;
}

/**
 * Creates the Remotion renderer: `classic` and `wow` compositions at the input's size and frame
 * rate, H.264 + AAC, plus a JPEG thumbnail. The compositions are bundled once per process and one
 * browser is reused across renders; call `close()` when done. Never downloads a browser.
 *
 * @example
 * ```ts
 * const renderer = createRemotionRenderer({ musicBed: './music.wav' });
 * const result = await renderer.render(input, { onProgress: (p) => console.log(p.fraction) });
 * await renderer.close();
 * ```
 */
export function createRemotionRenderer(settings: RemotionRendererSettings = {}): RemotionRenderer {
  const config = resolveRendererSettings(settings);
  let session: BrowserSession | undefined;
  let browserExecutable: string | undefined;

  return {
    specificationVersion: 'v1',
    id: providerId,
    capability: 'renderer',

    // `idempotencyKey` is not used: rendering is local and the outputs overwrite the same keys.
    async render(rawInput: RenderInput, options: CallOptions = {}): Promise<RenderResult> {
      const input = validateRenderInput(rawInput);
      browserExecutable ??= resolveBrowserExecutable(
        config.browserExecutable === undefined ? {} : { explicit: config.browserExecutable },
      );
      if (config.musicBed !== undefined) await assertMusicBed(config.musicBed);
      const { signal } = options;
      signal?.throwIfAborted();
      const report = progressReporter(options.onProgress);
      const warnings: CallWarning[] = [];
      const providerOptions = rawInput.providerOptions?.[providerId];
      if (providerOptions && Object.keys(providerOptions).length > 0) {
        warnings.push({
          type: 'unsupported-setting',
          setting: `providerOptions.${providerId}`,
          message: `providerOptions.${providerId} is not read by this renderer; use the renderer settings`,
        });
      }

      report({ fraction: 0, message: 'preparing the compositions' });
      const { serveUrl, publicDir } = await getCompositionBundle().catch((error: unknown) => {
        throw mapRenderError(error, 'bundling the compositions');
      });
      signal?.throwIfAborted();
      session ??= createBrowserSession({ browserExecutable, logLevel: config.logLevel });
      const activeSession = session;
      const executable = browserExecutable;
      const { cancelSignal, cancel } = makeCancelSignal();
      const workDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-render-'));
      let assets: StagedAssets | undefined;
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        assets = await stageAssets(publicDir, {
          media: input.media,
          images: input.scenes.map((scene) => scene.image),
          voice: input.voice,
          ...(config.musicBed === undefined ? {} : { music: config.musicBed }),
          ...(signal ? { signal } : {}),
        });
        report({ fraction: 0.02, message: 'opening the browser' });
        const browser = await activeSession.get().catch((error: unknown) => {
          throw mapRenderError(error, 'opening the browser');
        });
        const props = buildReelProps(input, assets, config.musicVolume);
        const common = {
          serveUrl,
          puppeteerInstance: browser,
          browserExecutable: executable,
          chromeMode,
          logLevel: config.logLevel,
          timeoutInMilliseconds: config.timeoutMs,
        };
        const composition = compositionConfig(input.composition, props);
        const videoFile = path.join(workDir, 'video.mp4');
        report({ fraction: 0.04, message: 'rendering frames' });
        await renderMedia({
          ...common,
          composition,
          inputProps: props,
          codec: 'h264',
          audioCodec: 'aac',
          outputLocation: videoFile,
          overwrite: true,
          concurrency: config.concurrency,
          jpegQuality: config.jpegQuality,
          x264Preset: config.x264Preset,
          ...(config.crf === undefined ? {} : { crf: config.crf }),
          enforceAudioTrack: true,
          cancelSignal,
          onProgress: (progress) =>
            report({
              fraction: 0.04 + 0.9 * progress.progress,
              message: `rendered ${progress.renderedFrames}/${composition.durationInFrames} frames, encoded ${progress.encodedFrames}`,
            }),
        });
        signal?.throwIfAborted();
        report({ fraction: 0.95, message: 'rendering the thumbnail' });
        const thumbnailFile = path.join(workDir, 'thumbnail.jpg');
        const stillProps: ReelProps = { ...props, mode: 'thumbnail' };
        await renderStill({
          ...common,
          composition: compositionConfig(input.composition, stillProps),
          inputProps: stillProps,
          frame: Math.min(composition.durationInFrames - 1, Math.round(input.fps * 0.5)),
          output: thumbnailFile,
          overwrite: true,
          imageFormat: 'jpeg',
          jpegQuality: Math.max(config.jpegQuality, 85),
          cancelSignal,
        });
        signal?.throwIfAborted();
        report({ fraction: 0.97, message: 'storing the video' });
        const { video, thumbnail } = await storeOutputs(input, videoFile, thumbnailFile, signal);
        report({ fraction: 1, message: 'done' });
        return {
          video,
          thumbnail,
          durationMs: Math.round((composition.durationInFrames / composition.fps) * 1000),
          width: composition.width,
          height: composition.height,
          cost: freeCost,
          warnings,
        };
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const mapped = mapRenderError(error, `rendering ${input.composition}`);
        // A crashed or hung browser is not reused.
        if ((mapped as { kind?: string }).kind === 'transient') await activeSession.close();
        throw mapped;
      } finally {
        signal?.removeEventListener('abort', cancel);
        await assets?.cleanup();
        await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
      }
    },

    async close() {
      await session?.close();
    },
  };
}

/** Puts the thumbnail, then the video; a failed video put removes the thumbnail again. */
async function storeOutputs(
  input: Pick<RenderInput, 'media' | 'outputPrefix'>,
  videoFile: string,
  thumbnailFile: string,
  signal: AbortSignal | undefined,
): Promise<{ video: MediaRef; thumbnail: MediaRef }> {
  const callOptions = signal ? { signal } : undefined;
  const thumbnail = await input.media.put(
    `${input.outputPrefix}thumbnail.jpg`,
    await readFile(thumbnailFile),
    'image/jpeg',
    callOptions,
  );
  try {
    const video = await input.media.put(
      `${input.outputPrefix}video.mp4`,
      await readFile(videoFile),
      'video/mp4',
      callOptions,
    );
    return { video, thumbnail };
  } catch (error) {
    await input.media.delete(thumbnail).catch(() => undefined);
    throw error;
  }
}

async function assertMusicBed(file: string): Promise<void> {
  const isFile = await stat(file).then(
    (info) => info.isFile() && info.size > 0,
    () => false,
  );
  if (isFile) return;
  throw new ConfigError('renderer-remotion', [
    {
      field: 'musicBed',
      problem: `no audio file at ${JSON.stringify(file)}`,
      fix: 'pass the path of an existing WAV, MP3 or AAC file, or leave `musicBed` out',
    },
  ]);
}

/** Calls `onProgress` without letting a throwing listener break the render. */
function progressReporter(onProgress: CallOptions['onProgress']): (progress: Progress) => void {
  return (progress) => {
    try {
      onProgress?.(progress);
    } catch {
      // Listeners cannot break a render.
    }
  };
}
