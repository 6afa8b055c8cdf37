import { type Script, type ScriptInput, type ScriptProvider, scriptSchema } from '@reelsmith/core';
import { type FakeCallLog, type FakeOptions, FakeRuntime } from './fake-runtime.js';

/** Options of {@link createFakeScriptProvider}. */
export interface FakeScriptProviderOptions extends FakeOptions {
  /** The script to return, or a function of the input. Default: built from the product's facts. */
  script?: Script | ((input: ScriptInput) => Script);
}

/** An in-memory `ScriptProvider` that records its calls. */
export interface FakeScriptProvider extends ScriptProvider, FakeCallLog<ScriptInput> {}

/**
 * A `ScriptProvider` with no network. By default it writes a `scriptSchema`-valid script from
 * the product's title, bullets, rating and price, with as many scenes as `input.scenes` asks
 * (5 when allowed). Every returned script is checked with `scriptSchema`.
 */
export function createFakeScriptProvider(options: FakeScriptProviderOptions = {}): FakeScriptProvider {
  const runtime = new FakeRuntime<ScriptInput>('fake:script', options);
  return {
    specificationVersion: 'v1',
    id: runtime.id,
    capability: 'script',
    get calls() {
      return runtime.calls;
    },
    get callCount() {
      return runtime.calls.length;
    },
    generateScript: (input, callOptions) =>
      runtime.run(input, callOptions?.signal, () => {
        const chosen = typeof options.script === 'function' ? options.script(input) : options.script;
        return {
          script: scriptSchema.parse(chosen ?? buildFakeScript(input)),
          cost: runtime.cost(),
          warnings: [],
        };
      }),
    estimateCost: () => runtime.cost(),
  };
}

/** The script {@link createFakeScriptProvider} writes by default. */
export function buildFakeScript(input: ScriptInput): Script {
  const { product } = input;
  const name = product.title.length > 60 ? `${product.title.slice(0, 57)}...` : product.title;
  const min = input.scenes?.min ?? 5;
  const max = input.scenes?.max ?? 8;
  const sceneCount = Math.max(1, Math.min(Math.max(5, min), max));
  const facts = [
    `Meet the ${name}.`,
    ...product.bullets,
    ...(product.rating !== undefined ? [`Buyers rate it ${product.rating} out of 5.`] : []),
    ...(product.price ? [`It costs about ${product.price.amount} ${product.price.currency}.`] : []),
    ...product.reviews.map((review) => `One buyer says: "${review.text}"`),
    `Here is why people like the ${name}.`,
  ];
  const scenes = Array.from({ length: sceneCount }, (_, index) => ({
    text: facts[index % facts.length]!,
    imagePrompt: `${name}, product photo, scene ${index + 1} of ${sceneCount}, vertical 9:16`,
  }));
  const description =
    `${product.title}\n\n${product.bullets.join('\n')}\n\n` +
    'As an affiliate I earn from qualifying purchases. The link is in the description.';
  const slug = name.replace(/[^A-Za-z0-9]+/g, '').slice(0, 30) || 'product';
  const script: Script = {
    title: `${name} review`.slice(0, 100),
    hook: `Is the ${name} worth it?`,
    scenes,
    callToAction: 'Check the link for today’s price.',
    description,
    hashtags: ['#review', '#shorts', `#${slug}`],
  };
  if (input.platforms && input.platforms.length > 0) {
    script.captions = Object.fromEntries(input.platforms.map((platform) => [platform, `${name} #review`]));
  }
  return script;
}
