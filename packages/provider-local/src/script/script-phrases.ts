import { pickOne, type RandomSource } from '../shared/seeded-random.js';
import type { Feature, ProductFacts } from './product-facts.js';
import { capitalize, decapitalize, roughCount } from './text-tools.js';

/** What phrase builders need: the facts, the seeded random source and the tone. */
export interface PhraseContext {
  facts: ProductFacts;
  random: RandomSource;
  /** Calmer wording (`style` mentions calm, honest, review, …). */
  calm: boolean;
}

/** Words that agree with a singular or plural product noun (`bottle` / `earbuds`). */
function agree(facts: ProductFacts) {
  return facts.plural
    ? { a: '', this: 'these', This: 'These', is: 'are', Is: 'Are', s: '', one: 'these are' }
    : { a: 'a ', this: 'this', This: 'This', is: 'is', Is: 'Is', s: 's', one: 'this one is' };
}

/** The opening line, before the first scene. */
export function hookLine({ facts, random, calm }: PhraseContext, featureCount: number): string {
  const { noun, name, rating } = facts;
  const g = agree(facts);
  if (calm) {
    return pickOne(random, [
      `Thinking about ${g.a}new ${noun}? Here's a quick rundown.`,
      `Let's take a calm look at the ${name}.`,
      `Here's what you should know about the ${name}.`,
    ]);
  }
  const options = [
    `Looking for ${g.a}better ${noun}? Watch this.`,
    `Stop scrolling if you need ${g.a}new ${noun}.`,
    `${g.This} ${noun} deserve${g.s} a closer look.`,
  ];
  if (featureCount >= 3) options.push(`${featureCount} reasons ${g.this} ${noun} stand${g.s} out.`);
  if (rating) options.push(`Rated ${rating.value} out of 5. Here's why ${g.this} ${noun} ${g.is} popular.`);
  return pickOne(random, options);
}

/** The first scene: the product by name. */
export function revealLine({ facts, random }: PhraseContext): { text: string; caption: string } {
  const by = facts.brand ? ` from ${facts.brand}` : '';
  const text = pickOne(random, [
    `Meet the ${facts.name}${by}.`,
    `This is the ${facts.name}${by}.`,
    `Say hello to the ${facts.name}${by}.`,
  ]);
  return { text, caption: `Meet the ${facts.name}` };
}

/** A second sentence for the reveal scene, when words are left. */
export function revealFollowUp({ random }: PhraseContext): string {
  return pickOne(random, [
    "Here's what it brings.",
    "Let's see what it offers.",
    'Here is what makes it different.',
  ]);
}

/** The lead-in of a feature scene; the first feature gets its own. */
export function featureLine({ random }: PhraseContext, feature: Feature, index: number): string {
  const prefix = pickOne(
    random,
    index === 0
      ? ['', 'First, ', 'Up first: ']
      : ['', 'Next: ', 'Plus: ', 'Also: ', 'On top of that: ', 'Another highlight: '],
  );
  return `${prefix}${prefix === '' ? feature.headline : decapitalize(feature.headline)}.`;
}

/** The social-proof scene, from the rating and review count. */
export function proofLine({ facts, random }: PhraseContext): { text: string; caption: string } | undefined {
  const { rating } = facts;
  if (!rating) return undefined;
  if (rating.count === undefined) {
    return {
      text: `It holds a ${rating.value} out of 5 star rating.`,
      caption: `Rated ${rating.value} out of 5`,
    };
  }
  const count = roughCount(rating.count);
  const text = pickOne(random, [
    `Shoppers rate it ${rating.value} out of 5 across ${count} ratings.`,
    `It holds a ${rating.value} out of 5 average across ${count} ratings.`,
    `${capitalize(count)} ratings give it ${rating.value} out of 5 stars.`,
  ]);
  return { text, caption: `★ ${rating.value}/5 from ${rating.count.toLocaleString('en-US')} ratings` };
}

/** A review excerpt, always attributed to a reviewer. */
export function quoteLine({ random }: PhraseContext, quote: string): string {
  return pickOne(random, [
    `One reviewer wrote: “${quote}”`,
    `In one buyer's words: “${quote}”`,
    `A reviewer summed it up: “${quote}”`,
  ]);
}

/** Generic scenes used when the product has too few facts for the scene count. */
export function fillerLines({ facts }: PhraseContext): Array<{ text: string; caption: string }> {
  return [
    { text: 'Take a closer look at the design and the finish.', caption: 'A closer look' },
    { text: 'Picture it fitting right into your everyday routine.', caption: 'Made for every day' },
    {
      text: `If you need ${agree(facts).a}${facts.noun}, ${agree(facts).one} worth a look.`,
      caption: 'Worth a look',
    },
    { text: 'All the details are in the description below.', caption: 'Check the details' },
    { text: 'Save this video so you can find it again later.', caption: 'Save it for later' },
  ];
}

/** The call to action. Never states a price: prices baked into a video go stale. */
export function callToActionLine({ facts, random, calm }: PhraseContext): string {
  const line = facts.hasPrice
    ? pickOne(random, [
        "Check today's price with the link below.",
        "Tap the link to see today's price.",
        "Curious? Check today's price at the link.",
      ])
    : pickOne(random, ['Find it at the link below.', 'Tap the link for all the details.']);
  return calm
    ? line
    : `${line} ${pickOne(random, ['Follow for more finds.', 'Follow for more picks like this.'])}`;
}

/** The video title (clipped to 100 characters by the caller). */
export function titleLine({ facts, random }: PhraseContext, featureCount: number): string {
  const full = facts.brand ? `${facts.brand} ${facts.name}` : facts.name;
  const [first] = facts.features;
  const options = [`${agree(facts).Is} the ${facts.name} worth it?`];
  if (first) options.push(`${full}: ${first.headline}`);
  if (featureCount >= 2) options.push(`${full}: ${featureCount} things to know`);
  if (!first) options.push(`${full}: a quick look`);
  return pickOne(random, options);
}
