/** The capabilities a provider can have. Each maps to one interface. */
export type Capability =
  | 'script'
  | 'image'
  | 'voice'
  | 'vision-judge'
  | 'renderer'
  | 'publisher'
  | 'product-source'
  | 'job-source'
  | 'media-store'
  | 'checkpoint-store';

/** The plugin contract version this core implements. */
export type SpecificationVersion = 'v1';

/**
 * The base of every plugin. `specificationVersion` lets the core evolve the contract without
 * breaking third-party plugins: the core rejects versions it does not know with a `ConfigError`.
 */
export interface Provider<C extends Capability = Capability> {
  readonly specificationVersion: SpecificationVersion;
  /** Stable and unique per configured instance, e.g. `fal:flux-kontext` — used for breakers, limits and costs. */
  readonly id: string;
  readonly capability: C;
}
