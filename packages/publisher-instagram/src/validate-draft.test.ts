import { describe, expect, it } from 'vitest';
import { instagramDefaults } from './instagram-defaults.js';
import { resolveCaptionSettings } from './instagram-settings.js';
import { publisherFixture } from './testing/publisher-fixture.js';
import { validateDraft } from './validate-draft.js';

const { draft } = await publisherFixture();
const settings = {
  limits: { ...instagramDefaults.limits },
  caption: resolveCaptionSettings(),
  thumbOffset: undefined,
};
const fields = (result: ReturnType<typeof validateDraft>) => result.issues.map((issue) => issue.field);

describe('validateDraft', () => {
  it('accepts a 1080×1920, 20 s MP4 draft', () => {
    expect(validateDraft(draft, settings)).toEqual({ ok: true, issues: [] });
  });

  it('rejects other aspect ratios beyond the tolerance, and frames wider than 1920 px', () => {
    expect(fields(validateDraft({ ...draft, width: 1920, height: 1080 }, settings))).toEqual(['width']);
    expect(validateDraft({ ...draft, width: 1088, height: 1920 }, settings).ok).toBe(true);
    expect(fields(validateDraft({ ...draft, width: 2160, height: 3840 }, settings))).toEqual(['width']);
  });

  it('checks duration, file size and media type against the dated limits', () => {
    expect(fields(validateDraft({ ...draft, durationMs: 2_000 }, settings))).toEqual(['durationMs']);
    expect(fields(validateDraft({ ...draft, durationMs: 16 * 60_000 }, settings))).toEqual(['durationMs']);
    const huge = { ...draft, video: { ...draft.video, size: 400 * 1024 * 1024 } };
    expect(fields(validateDraft(huge, settings))).toEqual(['video.size']);
    const webm = { ...draft, video: { ...draft.video, mediaType: 'video/webm' } };
    const issue = validateDraft(webm, settings).issues[0];
    expect(issue?.field).toBe('video.mediaType');
    expect(issue?.fix).toMatch(/faststart/);
  });

  it('checks hashtags (cap configurable) and mentions of the caption as posted', () => {
    const tagged = { ...draft, description: `${draft.description} #one #two #three #four #five` };
    expect(fields(validateDraft(tagged, settings))).toEqual(['description']);
    expect(validateDraft(tagged, { ...settings, limits: { ...settings.limits, hashtags: 30 } }).ok).toBe(
      true,
    );
    const mentions = Array.from({ length: 21 }, (_, index) => `@user${index}`).join(' ');
    expect(
      validateDraft({ ...draft, description: `${draft.description} ${mentions}` }, settings).issues[0]
        ?.problem,
    ).toMatch(/21 @mentions/);
  });

  it('counts the caption in graphemes: 2,200 emoji pass, 2,201 do not', () => {
    const emoji = (count: number) => ({ ...draft, links: [], description: '🧊'.repeat(count), tags: [] });
    expect(validateDraft(emoji(2_200), settings).issues.map((issue) => issue.problem)).not.toContainEqual(
      expect.stringMatching(/2200 characters/),
    );
    expect(validateDraft(emoji(2_201), settings).issues[0]?.problem).toMatch(/2201 characters/);
  });

  it('rejects a thumbOffset after the end of the video', () => {
    expect(fields(validateDraft(draft, { ...settings, thumbOffset: 25_000 }))).toEqual(['thumbOffset']);
  });
});
