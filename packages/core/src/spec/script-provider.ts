import { z } from 'zod';
import type { CallOptions, CallResult, Cost, ProviderOptions } from './call-options.js';
import type { Product } from './product.js';
import type { Provider } from './provider.js';

/** Platforms with their own caption rules. */
export const platformSchema = z.enum(['youtube', 'instagram', 'tiktok', 'wordpress']);
/** A publishing platform. */
export type Platform = z.infer<typeof platformSchema>;

/** One scene: a spoken line and the picture to show while it is spoken. */
export const sceneSchema = z.object({
  text: z.string().min(1),
  imagePrompt: z.string().min(1),
});

/** The structured script every script provider returns (LLM or local). */
export const scriptSchema = z.object({
  title: z.string().min(1).max(100),
  hook: z.string().min(1),
  scenes: z.array(sceneSchema).min(1),
  callToAction: z.string().min(1),
  /** Long description; includes the affiliate disclosure. */
  description: z.string().min(1),
  hashtags: z.array(z.string()),
  /** Per-platform captions, where they differ from `description`. */
  captions: z.partialRecord(platformSchema, z.string()).optional(),
});

/** A script. */
export type Script = z.infer<typeof scriptSchema>;
/** A scene. */
export type Scene = z.infer<typeof sceneSchema>;

/** Input of {@link ScriptProvider.generateScript}. */
export interface ScriptInput {
  product: Product;
  /** BCP 47 language tag; default `en`. */
  language?: string;
  /** Scene count bounds; default 5–8. */
  scenes?: { min: number; max: number };
  /** Platforms to write captions for. */
  platforms?: Platform[];
  /** Tone or style hint, e.g. `energetic`, `calm review`. */
  style?: string;
  /** For deterministic providers and seeded models. */
  seed?: number;
  providerOptions?: ProviderOptions;
}

/** Result of {@link ScriptProvider.generateScript}. */
export interface ScriptResult extends CallResult {
  script: Script;
}

/** Writes a structured video script from product facts. */
export interface ScriptProvider extends Provider<'script'> {
  generateScript(input: ScriptInput, options?: CallOptions): Promise<ScriptResult>;
  /** Optional: the cost the call would have, used by the budget check before the call. */
  estimateCost?(input: ScriptInput): Cost;
}
