// Public API of @reelsmith/provider-fal: the factory, the default instance and their types.
export { createFal, type FalProvider, fal } from './fal-provider.js';
export type { FalImageModel, FalImageModelConfig } from './fal-image-model.js';
export type { FalImageModelId, FalModelSpec, FalSizeControl } from './fal-models.js';
export type { FalModelPrice, FalPriceTable } from './fal-prices.js';
export type { FalSettings } from './fal-settings.js';
