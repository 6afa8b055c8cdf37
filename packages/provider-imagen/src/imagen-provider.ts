import { ConfigError, registerSecret } from '@reelsmith/core';
import { createImagenClient, type ImagenClient } from './imagen-client.js';
import { ImagenImageModel } from './imagen-image-model.js';
import { defaultImagenModelId, type ImagenModelId, modelSpecFor } from './imagen-models.js';
import { mergePrices, pricePerImage } from './imagen-prices.js';
import {
  type ImagenConnection,
  type ImagenSettings,
  parseImagenSettings,
  resolveConnection,
} from './imagen-settings.js';

/** A configured Google image provider factory. */
export interface ImagenProvider {
  /**
   * An `ImageProvider` (id `imagen:<model>`) on `modelId`; default: the `defaultModel` setting,
   * else `gemini-3.1-flash-image`. Throws a `ConfigError` when the price table has no figure for it.
   */
  image(modelId?: ImagenModelId): ImagenImageModel;
}

/**
 * Creates the Google image provider: Imagen 4 and the Gemini image models, on the Gemini API
 * (API key) or Vertex AI (`vertexai: true`, Google Cloud credentials). Settings are validated
 * now; the API key or project is read from the environment at the first call.
 *
 * @example
 * ```ts
 * const images = createImagen({ apiKey: process.env.GEMINI_API_KEY }).image('gemini-3.1-flash-image');
 * const { images: [first], cost } = await images.generateImage({ prompt: 'a steel bottle on a counter' });
 * ```
 */
export function createImagen(settings: ImagenSettings = {}): ImagenProvider {
  const parsed = parseImagenSettings(settings);
  registerSecret(parsed.apiKey);
  const prices = mergePrices(parsed.prices);
  let connected: { connection: ImagenConnection; client: ImagenClient } | undefined;
  const connect = () => {
    if (connected === undefined) {
      const connection = resolveConnection(parsed);
      if (!connection.vertexai) registerSecret(connection.apiKey);
      connected = { connection, client: createImagenClient(connection, parsed) };
    }
    return connected;
  };
  return {
    image(modelId: ImagenModelId = parsed.defaultModel ?? defaultImagenModelId): ImagenImageModel {
      if (typeof modelId !== 'string' || modelId.trim() === '') {
        throw new ConfigError('createImagen', [
          {
            field: 'modelId',
            problem: 'expected a model id',
            fix: `pass one, e.g. image('${defaultImagenModelId}')`,
          },
        ]);
      }
      const spec = modelSpecFor(modelId, parsed.models);
      const unpriced = spec.sizes.filter((size) => pricePerImage(prices, modelId, size) === undefined);
      if (unpriced.length > 0) {
        throw new ConfigError('createImagen', [
          {
            field: `prices.perImage['${modelId}']`,
            problem: `the price table has no price for ${modelId} at ${unpriced.join(', ')}`,
            fix: `pass prices: { date: 'YYYY-MM-DD', perImage: { '${modelId}': { ${spec.sizes.map((size) => `'${size}': 0.04`).join(', ')} } } }`,
          },
        ]);
      }
      return new ImagenImageModel({ modelId, spec, settings: parsed, prices, connect });
    },
  };
}

let defaultInstance: ImagenProvider | undefined;

/**
 * The default instance: `GEMINI_API_KEY` (then `GOOGLE_API_KEY`), or Vertex AI when
 * `GOOGLE_GENAI_USE_VERTEXAI=true` with `GOOGLE_CLOUD_PROJECT`. Nothing is read until the first call.
 */
export const imagen: ImagenProvider = {
  image(modelId?: ImagenModelId) {
    defaultInstance ??= createImagen();
    return defaultInstance.image(modelId);
  },
};
