import path from 'node:path';
import {
  type AffiliatePipelineOptions,
  createAffiliatePipeline,
  createEventBus,
  createJsonlEventLog,
  type JobSource,
  type Pipeline,
  recordEvents,
} from '@reelsmith/core';
import { UsageError } from '../exit-codes.js';
import { loadConfig } from '../offline/load-config.js';
import { offlineOptions } from '../offline/offline-options.js';

/** Flags shared by `run` and `resume` that choose the providers and stores. */
export interface ProviderFlags {
  offline?: boolean;
  config?: string;
  catalog?: string;
  out?: string;
  dataDir?: string;
  composition?: string;
  music?: string;
  browser?: string;
  budget?: number;
}

/**
 * Builds the pipeline the flags describe; returns a `close` that releases the renderer's
 * browser, and the config's `jobSource` (for `run --pending`, which writes back itself).
 */
export async function pipelineFromFlags(
  flags: ProviderFlags,
  { withJobSource = true }: { withJobSource?: boolean } = {},
): Promise<{ pipeline: Pipeline; close: () => Promise<void>; jobSource: JobSource | undefined }> {
  const outDir = path.resolve(flags.out ?? 'reelsmith-out');
  const dataDir = path.resolve(flags.dataDir ?? '.reelsmith');
  let options: AffiliatePipelineOptions;
  if (flags.config) options = await loadConfig(flags.config, { outDir, dataDir });
  else if (flags.offline) {
    options = await offlineOptions({
      catalog: flags.catalog,
      outDir,
      ...(flags.composition ? { composition: flags.composition } : {}),
      ...(flags.music ? { music: flags.music } : {}),
      ...(flags.browser ? { browser: flags.browser } : {}),
    });
  } else {
    throw new UsageError(
      'choose providers: --offline (local providers, no keys) or --config reelsmith.config.mjs',
    );
  }
  if (flags.budget !== undefined && !(flags.budget > 0)) {
    throw new UsageError(`--budget must be a positive number of US dollars, got ${flags.budget}`);
  }
  const { jobSource, ...rest } = options;
  const pipeline = createAffiliatePipeline({
    dataDir,
    events: options.events ?? createEventBus(),
    ...rest,
    ...(withJobSource && jobSource ? { jobSource } : {}),
    ...(flags.budget !== undefined ? { budget: { perRunUsd: flags.budget } } : {}),
  });
  // Every run goes to the event log the dashboard and `reelsmith report` read.
  const recorder = recordEvents(pipeline.events, createJsonlEventLog(path.join(dataDir, 'events.jsonl')));
  const renderer = options.renderer as { close?: () => Promise<void> };
  const close = async () => {
    recorder.detach();
    await recorder.flushed();
    await renderer.close?.();
  };
  return { pipeline, close, jobSource };
}
