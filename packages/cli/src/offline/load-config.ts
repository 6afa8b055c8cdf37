import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AffiliatePipelineOptions } from '@reelsmith/core';
import { UsageError } from '../exit-codes.js';

/** What a config module's default export receives. */
export interface ConfigContext {
  outDir: string;
  dataDir: string;
}

/**
 * Loads `reelsmith.config.mjs`-style modules: the default export is the pipeline options, or a
 * (possibly async) function of {@link ConfigContext} returning them.
 */
export async function loadConfig(file: string, context: ConfigContext): Promise<AffiliatePipelineOptions> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute))
    throw new UsageError(`config file ${file} does not exist; check the --config path`);
  const module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
  const exported = module.default;
  const value = typeof exported === 'function' ? await exported(context) : exported;
  if (typeof value !== 'object' || value === null) {
    throw new UsageError(
      `config file ${file} must export default the pipeline options or a function returning them`,
    );
  }
  return value as AffiliatePipelineOptions;
}
