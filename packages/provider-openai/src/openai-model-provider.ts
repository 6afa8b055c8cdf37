import type { OpenAIClientSource } from './openai-client.js';
import type { ResolvedOpenAISettings } from './openai-settings.js';

/**
 * What every OpenAI provider shares: the contract version, an id `openai:<kind>:<model>`, the
 * model, the lazily created client and the resolved settings (prices, limits, defaults).
 */
export abstract class OpenAIModelProvider {
  readonly specificationVersion = 'v1';
  readonly id: string;
  readonly modelId: string;
  /** Creates the OpenAI client on first use (no network until then). */
  protected readonly client: OpenAIClientSource;
  protected readonly settings: ResolvedOpenAISettings;

  protected constructor(
    kind: string,
    modelId: string,
    client: OpenAIClientSource,
    settings: ResolvedOpenAISettings,
  ) {
    this.modelId = modelId;
    this.id = `openai:${kind}:${modelId}`;
    this.client = client;
    this.settings = settings;
  }
}
