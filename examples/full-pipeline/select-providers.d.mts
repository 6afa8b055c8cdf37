// Types of select-providers.mjs, for the TypeScript tests (the example itself stays plain JavaScript).
import type { AffiliatePipelineOptions } from '@reelsmith/core';

/** The catalog used when none is given: the offline demo's three sample products. */
export declare const defaultCatalog: string;

/** Where {@link selectProviders} puts the outputs and which catalog it reads. */
export interface SelectProvidersSettings {
  /** A JSON catalog of products (default: the offline demo's). */
  catalog?: string;
  /** The folder the local publisher writes to (default `out`). */
  outDir?: string;
  /** A Chrome/Chromium binary for Remotion (default: REELSMITH_BROWSER, CHROMIUM_PATH, usual paths). */
  browser?: string;
  /** `budget.perRunUsd` (default 2). */
  budgetUsd?: number;
}

/** What {@link selectProviders} returns. */
export interface ProviderSelection {
  /** Options for `createAffiliatePipeline`. */
  options: AffiliatePipelineOptions;
  /** One human-readable line per capability: what was chosen and why. */
  choices: string[];
  /** The chosen provider ids by capability (a chain lists its members in order). */
  chosen: Record<'images' | 'voice' | 'script' | 'judge' | 'products' | 'render' | 'publish', string[]> &
    Partial<Record<'jobs', string[]>>;
}

/** Chooses the standard pipeline's providers from the API keys set in `env`. */
export declare function selectProviders(
  env?: Record<string, string | undefined>,
  settings?: SelectProvidersSettings,
): Promise<ProviderSelection>;
