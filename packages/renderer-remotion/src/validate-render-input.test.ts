import { ConfigError, type RenderInput } from '@reelsmith/core';
import { createMemoryMediaStore } from '@reelsmith/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixtureInput } from './testing/render-fixture.js';
import { validateRenderInput } from './validate-render-input.js';

let valid: RenderInput;

beforeAll(async () => {
  valid = await createFixtureInput({
    media: createMemoryMediaStore(),
    composition: 'classic',
    durationMs: 3000,
  });
});

/** The ConfigError thrown for `input`, or a failure when none is thrown. */
function configErrorOf(input: unknown): ConfigError {
  try {
    validateRenderInput(input);
  } catch (error) {
    expect(ConfigError.isInstance(error)).toBe(true);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('validateRenderInput', () => {
  it('accepts a complete input', () => {
    expect(validateRenderInput(valid).composition).toBe('classic');
  });

  it('names an unknown composition and lists the known ones', () => {
    const error = configErrorOf({ ...valid, composition: 'fancy' });
    expect(error.field).toBe('composition');
    expect(error.message).toContain('`classic`, `wow`');
  });

  it('rejects zero scenes', () => {
    const error = configErrorOf({ ...valid, scenes: [] });
    expect(error.field).toBe('scenes');
    expect(error.issues[0]?.fix).toContain('at least one scene');
  });

  it('rejects a zero-size voice with a fix', () => {
    const error = configErrorOf({ ...valid, voice: { ...valid.voice, size: 0 } });
    expect(error.field).toBe('voice.size');
    expect(error.message).toContain('synthesize the voice again');
  });

  it('rejects a voice that is not audio and an empty scene image', () => {
    const scenes = valid.scenes.map((scene, index) =>
      index === 1 ? { ...scene, image: { ...scene.image, size: 0 } } : scene,
    );
    const error = configErrorOf({ ...valid, scenes, voice: { ...valid.voice, mediaType: 'image/png' } });
    expect(error.issues.map((issue) => issue.field)).toEqual(['scenes[1].image.size', 'voice.mediaType']);
  });

  it('rejects a scene that ends before it starts', () => {
    const scenes = valid.scenes.map((scene, index) =>
      index === 0 ? { ...scene, endMs: scene.startMs } : scene,
    );
    expect(configErrorOf({ ...valid, scenes }).field).toBe('scenes[0].endMs');
  });

  it('rejects scenes out of order and negative times', () => {
    const [first, second, third] = valid.scenes;
    expect(configErrorOf({ ...valid, scenes: [second, first, third] }).field).toBe('scenes[1].startMs');
    expect(configErrorOf({ ...valid, scenes: [{ ...first!, startMs: -5 }] }).field).toBe('scenes[0].startMs');
  });

  it('rejects videos longer than 10 minutes', () => {
    const scenes = [{ ...valid.scenes[0]!, startMs: 0, endMs: 700_000 }];
    expect(configErrorOf({ ...valid, scenes }).field).toBe('scenes[0].endMs');
  });

  it('rejects caption timings that go backwards, end before they start or start after the video', () => {
    const words = valid.captions;
    const swapped = [words[1]!, words[0]!, ...words.slice(2)];
    expect(configErrorOf({ ...valid, captions: swapped }).field).toBe('captions[1].startMs');
    const reversed = [{ ...words[0]!, endMs: words[0]!.startMs - 1 }];
    expect(configErrorOf({ ...valid, captions: reversed }).field).toBe('captions[0].endMs');
    const late = [{ word: 'late', startMs: 5000, endMs: 5100 }];
    expect(configErrorOf({ ...valid, captions: late }).message).toContain('after the last scene ends');
  });

  it('rejects odd or non-positive sizes and frame rates', () => {
    expect(configErrorOf({ ...valid, width: 1081 }).field).toBe('width');
    expect(configErrorOf({ ...valid, height: 0 }).field).toBe('height');
    expect(configErrorOf({ ...valid, fps: 0 }).field).toBe('fps');
  });

  it('rejects a missing media store and script fields', () => {
    expect(configErrorOf({ ...valid, media: {} }).field).toBe('media');
    expect(configErrorOf({ ...valid, script: { ...valid.script, callToAction: '' } }).field).toBe(
      'script.callToAction',
    );
  });
});
