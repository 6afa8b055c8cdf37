import type { Scene } from '@reelsmith/core';
import { randomInt } from '../shared/seeded-random.js';
import type { Feature } from './product-facts.js';
import {
  callToActionLine,
  featureLine,
  fillerLines,
  hookLine,
  type PhraseContext,
  proofLine,
  quoteLine,
  revealFollowUp,
  revealLine,
  titleLine,
} from './script-phrases.js';
import { asSentence, clip, countWords, firstWords, leadingClause } from './text-tools.js';

/** The spoken part of a script and its title. */
export interface ScriptBody {
  title: string;
  hook: string;
  scenes: Scene[];
  callToAction: string;
  /** Feature headlines used, for the description. */
  highlights: string[];
}

/** What a scene is about, before its words are chosen. */
type PlannedScene =
  | { kind: 'reveal' }
  | { kind: 'feature'; feature: Feature; index: number }
  | { kind: 'proof' }
  | { kind: 'quote'; quote: string }
  | { kind: 'filler'; index: number };

const order = { reveal: 0, feature: 1, proof: 2, quote: 3, filler: 4 } as const;

/**
 * Writes hook, scenes, call to action and title from the facts in `context`, with a scene count
 * within `bounds` and about `maxWords` spoken words in all (hook + scenes + call to action).
 */
export function writeScript(
  context: PhraseContext,
  bounds: { min: number; max: number },
  maxWords: number,
): ScriptBody {
  const plan = planScenes(context, bounds);
  const featureCount = plan.filter((scene) => scene.kind === 'feature').length;
  const hook = hookLine(context, featureCount);
  const callToAction = callToActionLine(context);
  const perScene = Math.max(
    5,
    Math.min(18, Math.floor((maxWords - countWords(hook) - countWords(callToAction)) / plan.length)),
  );
  const scenes = plan.map((scene) => writeScene(context, scene, perScene));
  const title = clip(titleLine(context, featureCount), 100);
  const highlights = plan.flatMap((scene) => (scene.kind === 'feature' ? [scene.feature.headline] : []));
  return { title, hook, scenes, callToAction, highlights };
}

function planScenes(context: PhraseContext, bounds: { min: number; max: number }): PlannedScene[] {
  const { facts, random } = context;
  const features = facts.features
    .slice(0, 6)
    .map((feature, index) => ({ kind: 'feature' as const, feature, index }));
  const quotes = facts.quotes.slice(0, 2).map((quote) => ({ kind: 'quote' as const, quote }));
  // Content by priority: what a viewer most needs comes first when scenes are few.
  const byPriority: PlannedScene[] = [
    { kind: 'reveal' },
    ...features.slice(0, 2),
    ...(facts.rating ? [{ kind: 'proof' as const }] : []),
    ...quotes.slice(0, 1),
    ...features.slice(2),
    ...quotes.slice(1),
  ];
  const target = Math.min(Math.max(byPriority.length, bounds.min), bounds.max);
  const count = target > bounds.min ? randomInt(random, Math.max(bounds.min, target - 1), target) : target;
  const chosen = byPriority.slice(0, count);
  const fillerStart = randomInt(random, 0, 4);
  for (let index = fillerStart; chosen.length < count; index++) chosen.push({ kind: 'filler', index });
  return chosen.sort((a, b) => order[a.kind] - order[b.kind]);
}

function writeScene(context: PhraseContext, scene: PlannedScene, budget: number): Scene {
  const { facts } = context;
  const subject = facts.brand ? `${facts.brand} ${facts.name}` : facts.name;
  switch (scene.kind) {
    case 'reveal': {
      const { text, caption } = revealLine(context);
      const followUp = revealFollowUp(context);
      const spoken = countWords(text) + countWords(followUp) <= budget ? `${text} ${followUp}` : text;
      return scenePair(spoken, caption, `Hero shot of the ${subject}, centred, soft studio light`);
    }
    case 'feature': {
      const { feature } = scene;
      let lead = featureLine(context, feature, scene.index);
      let detail = feature.detail ? leadingClause(feature.detail, budget - countWords(lead)) : undefined;
      if (!detail && feature.detail) {
        // Facts beat filler words: drop the lead-in ("Next:") when that makes room for the detail.
        detail = leadingClause(feature.detail, budget - countWords(feature.headline));
        if (detail) lead = `${feature.headline}.`;
      }
      return scenePair(
        detail ? `${lead} ${asSentence(detail)}` : lead,
        scene.feature.headline,
        `Close-up of the ${subject} showing: ${scene.feature.headline.toLowerCase()}`,
      );
    }
    case 'proof': {
      const proof = proofLine(context);
      const text = proof?.text ?? `People keep coming back to this ${facts.noun}.`;
      return scenePair(
        text,
        proof?.caption ?? 'A popular pick',
        `The ${subject} with five gold stars, clean background`,
      );
    }
    case 'quote':
      return scenePair(
        quoteLine(context, scene.quote),
        `“${scene.quote.length <= 56 ? scene.quote : `${firstWords(scene.quote, 7)}…`}”`,
        `The ${subject} in a cosy everyday setting`,
      );
    case 'filler': {
      const fillers = fillerLines(context);
      const filler = fillers[scene.index % fillers.length] ?? {
        text: 'Take a closer look.',
        caption: 'A closer look',
      };
      return scenePair(filler.text, filler.caption, `Detail shot of the ${subject}, shallow depth of field`);
    }
  }
}

/**
 * A scene whose image prompt starts with a short caption line: the local composer prints the
 * first line in its caption band; generative image providers read the whole prompt.
 */
function scenePair(text: string, caption: string, visual: string): Scene {
  return { text, imagePrompt: `${clip(caption, 60)}\n${visual}, vertical 9:16 frame` };
}
