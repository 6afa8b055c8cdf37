// Public API of @reelsmith/provider-local: offline default providers, no API keys, no network.

export {
  createLocalImageComposer,
  type LocalImageComposerSettings,
  localImageComposer,
} from './composer/local-image-composer.js';
export {
  createLocalImageJudge,
  type LocalImageJudgeSettings,
  localImageJudge,
} from './judge/local-image-judge.js';
export {
  amazonAssociatesDisclosure,
  createLocalScriptWriter,
  type LocalScriptWriterSettings,
  localScriptWriter,
} from './script/local-script-writer.js';
export { type AverageColor, averageColor } from './shared/average-color.js';
export { hashSeed, type RandomSource, seededRandom } from './shared/seeded-random.js';
export { defaultSharpConcurrency } from './shared/sharp-concurrency.js';
export { createLocalCatalog, type LocalCatalogSettings } from './local-catalog.js';
