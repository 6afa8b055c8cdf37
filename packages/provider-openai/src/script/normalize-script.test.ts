import { describe, expect, it } from 'vitest';
import { parseOpenAISettings } from '../openai-settings.js';
import { fixtureProduct, scriptContent } from '../testing/openai-fixtures.js';
import { cleanTitle, normalizeScript } from './normalize-script.js';

const settings = parseOpenAISettings({}).script;
const fail = (message: string): never => {
  throw new Error(message);
};

describe('normalizeScript', () => {
  it('keeps titles within 100 characters, cut at a word, without < or >', () => {
    const title = cleanTitle(`<b>${'Gooseneck kettle review '.repeat(8)}</b>`);
    expect(title.length).toBeLessThanOrEqual(100);
    expect(title).not.toMatch(/[<>]/);
    expect(title.endsWith('…')).toBe(true);
  });

  it('fails on an answer with no usable scene', () => {
    const output = { ...JSON.parse(scriptContent()), scenes: [{ text: ' ', imagePrompt: 'x' }] };
    expect(() =>
      normalizeScript(output, {
        product: fixtureProduct,
        scenes: { min: 5, max: 8 },
        platforms: [],
        settings,
        fail,
      }),
    ).toThrow(/no scene/);
  });

  it('warns about fewer scenes than asked and about prices in the spoken text', () => {
    const output = JSON.parse(scriptContent());
    output.scenes = output.scenes.slice(0, 2);
    output.callToAction = 'Grab it now for just $39.99!';
    const { warnings } = normalizeScript(output, {
      product: fixtureProduct,
      scenes: { min: 5, max: 8 },
      platforms: [],
      settings,
      fail,
    });
    expect(warnings.map((warning) => warning.type)).toEqual(['shortfall', 'other']);
  });

  it('adds the disclosure once, even when the model already wrote it', () => {
    const output = JSON.parse(scriptContent(['instagram']));
    output.captions.instagram = `Love it. ${settings.disclosure} #ad #Coffee`;
    const { script } = normalizeScript(output, {
      product: { ...fixtureProduct, affiliateUrl: undefined },
      scenes: { min: 5, max: 8 },
      platforms: ['instagram'],
      settings,
      fail,
    });
    expect(script.captions?.instagram?.split(settings.disclosure)).toHaveLength(2);
    expect(script.description).not.toContain('(paid link)');
  });

  it('fits captions into the platform’s length limit', () => {
    const output = JSON.parse(scriptContent(['tiktok']));
    output.captions.tiktok = 'word '.repeat(1000);
    const { script } = normalizeScript(output, {
      product: fixtureProduct,
      scenes: { min: 5, max: 8 },
      platforms: ['tiktok'],
      settings,
      fail,
    });
    expect(script.captions?.tiktok?.length).toBeLessThanOrEqual(2200);
    expect(script.captions?.tiktok).toContain(settings.disclosure);
  });
});
