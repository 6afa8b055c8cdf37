// Public API of @reelsmith/provider-imagen: the factory, the default instance and their types.

export type { ImagenImageModel } from './imagen-image-model.js';
export {
  defaultImagenModelId,
  defaultImagenModels,
  type ImagenModelApi,
  type ImagenModelId,
  type ImagenModelSpec,
  type ImageSizeTier,
} from './imagen-models.js';
export { defaultImagenPrices, type ImagenPriceTable } from './imagen-prices.js';
export { createImagen, type ImagenProvider, imagen } from './imagen-provider.js';
export type {
  ImagenGoogleAuthOptions,
  ImagenProviderOptions,
  ImagenSettings,
  PersonGenerationSetting,
  SafetyFilterLevelSetting,
} from './imagen-settings.js';
