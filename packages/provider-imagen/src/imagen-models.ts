/**
 * Model ids known when this table was written (2026-11-24). Any other id is accepted as a
 * string; give it a `models` entry (or let the id prefix decide) and a price.
 *
 * - `gemini-3.1-flash-image` (GA, "Nano Banana 2"): the default, the recommended replacement of Imagen.
 * - `gemini-3-pro-image` (GA): higher quality, slower, dearer.
 * - `gemini-2.5-flash-image`: older and cheaper, 1K only.
 * - `imagen-4.0-generate-001`, `imagen-4.0-ultra-generate-001`, `imagen-4.0-fast-generate-001`:
 *   Imagen 4 Standard / Ultra / Fast. Shut down on the Gemini API on 2026-08-17; Vertex AI asked
 *   customers to migrate before 2026-06-30.
 */
export type ImagenModelId =
  | 'gemini-3.1-flash-image'
  | 'gemini-3-pro-image'
  | 'gemini-2.5-flash-image'
  | 'imagen-4.0-generate-001'
  | 'imagen-4.0-ultra-generate-001'
  | 'imagen-4.0-fast-generate-001'
  | (string & {});

/** An output size tier, as the service names it. */
export type ImageSizeTier = '1K' | '2K' | '4K';

/**
 * How the provider calls a model: `imagen` models through `:predict` (`generateImages`), `gemini`
 * image models through `generateContent` with image output.
 */
export type ImagenModelApi = 'imagen' | 'gemini';

/** What the provider needs to know about one model. */
export interface ImagenModelSpec {
  api: ImagenModelApi;
  /** Size tiers the model accepts, smallest first. With one tier, no size is sent. */
  sizes: readonly ImageSizeTier[];
  /** Aspect ratios the model accepts, as `W:H`. */
  aspectRatios: readonly string[];
  /** Most images one call may ask for (`count`). */
  maxImages: number;
  /** Whether the model takes a reference image (the product photo) as input. */
  acceptsReferenceImage: boolean;
  /** Shutdown or migrate-by dates (YYYY-MM-DD) by surface, when Google announced them. */
  retires?: { geminiApi?: string; vertex?: string };
}

/** Aspect ratios of Imagen 4. */
export const imagenAspectRatios: readonly string[] = ['1:1', '3:4', '4:3', '9:16', '16:9'];

/** Aspect ratios every Gemini image model accepts. */
export const geminiAspectRatios: readonly string[] = [
  '1:1',
  '2:3',
  '3:2',
  '3:4',
  '4:3',
  '4:5',
  '5:4',
  '9:16',
  '16:9',
  '21:9',
];

const imagenRetirement = { geminiApi: '2026-08-17', vertex: '2026-06-30' };

/** The default model table (read 2026-11-24). Override or extend it with the `models` setting. */
export const defaultImagenModels: Readonly<Record<string, ImagenModelSpec>> = {
  'gemini-3.1-flash-image': {
    api: 'gemini',
    sizes: ['1K', '2K', '4K'],
    aspectRatios: geminiAspectRatios,
    maxImages: 4,
    acceptsReferenceImage: true,
  },
  'gemini-3-pro-image': {
    api: 'gemini',
    sizes: ['1K', '2K', '4K'],
    aspectRatios: geminiAspectRatios,
    maxImages: 4,
    acceptsReferenceImage: true,
  },
  'gemini-2.5-flash-image': {
    api: 'gemini',
    sizes: ['1K'],
    aspectRatios: geminiAspectRatios,
    maxImages: 4,
    acceptsReferenceImage: true,
  },
  'imagen-4.0-generate-001': {
    api: 'imagen',
    sizes: ['1K', '2K'],
    aspectRatios: imagenAspectRatios,
    maxImages: 4,
    acceptsReferenceImage: false,
    retires: imagenRetirement,
  },
  'imagen-4.0-ultra-generate-001': {
    api: 'imagen',
    sizes: ['1K', '2K'],
    aspectRatios: imagenAspectRatios,
    maxImages: 4,
    acceptsReferenceImage: false,
    retires: imagenRetirement,
  },
  'imagen-4.0-fast-generate-001': {
    api: 'imagen',
    sizes: ['1K'],
    aspectRatios: imagenAspectRatios,
    maxImages: 4,
    acceptsReferenceImage: false,
    retires: imagenRetirement,
  },
};

/** The model used when `image()` gets no id and the settings name none. */
export const defaultImagenModelId = 'gemini-3.1-flash-image';

/**
 * The spec of `modelId`: the settings' entry, else the default table's, else one inferred from
 * the id (`imagen-*` → Imagen 4 limits, anything else → a Gemini image model at 1K).
 */
export function modelSpecFor(
  modelId: string,
  overrides: Readonly<Record<string, Partial<ImagenModelSpec>>> = {},
): ImagenModelSpec {
  const base = defaultImagenModels[modelId] ?? inferModelSpec(modelId);
  return { ...base, ...stripUndefined(overrides[modelId] ?? {}) };
}

function inferModelSpec(modelId: string): ImagenModelSpec {
  if (modelId.startsWith('imagen-')) {
    return {
      api: 'imagen',
      sizes: ['1K'],
      aspectRatios: imagenAspectRatios,
      maxImages: 4,
      acceptsReferenceImage: false,
    };
  }
  return {
    api: 'gemini',
    sizes: ['1K'],
    aspectRatios: geminiAspectRatios,
    maxImages: 4,
    acceptsReferenceImage: true,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
