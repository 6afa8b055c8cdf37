import { complianceDefaults } from '@reelsmith/core';
import { createMemoryMediaStore } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { composeStatus, createMastodonPublisher, statusLength } from '../src/index.js';
import { accessToken, makeDraft } from './fixtures.js';

const settings = {
  maxCharacters: 500,
  hashtags: 4,
  disclosure: complianceDefaults.disclosure,
  adMarker: complianceDefaults.marker,
  linkLabel: complianceDefaults.linkLabel,
};
const media = createMemoryMediaStore();
const draft = await makeDraft(media);
const link = 'https://www.amazon.com/dp/B000000000?tag=deals-20';

describe('statusLength', () => {
  it('counts every URL as 23 characters, short or long', () => {
    expect(statusLength('see https://a.example/x')).toBe(4 + 23);
    expect(statusLength(`see ${link}&and=a-very-long-query-string-indeed`)).toBe(4 + 23);
  });

  it('counts graphemes: an emoji or a flag is one character', () => {
    expect(statusLength('👍🏽 🇫🇷 é')).toBe(5);
  });

  it('counts a remote mention without its domain', () => {
    expect(statusLength('thanks @alice@mastodon.example!')).toBe('thanks @alice!'.length);
  });
});

describe('composeStatus', () => {
  it('keeps a description that fits, adds hashtags and ends with the marker line', () => {
    const text = composeStatus(draft, settings);
    expect(text).toBe(`${draft.description}\n\n#bottle #hydration #kitchen\nref: ${draft.marker}`);
  });

  it('adds the link, the disclosure and #ad when the description lacks them', () => {
    const text = composeStatus({ ...draft, description: 'Keeps drinks cold for 24 hours.' }, settings);
    expect(text).toContain(`${link} (paid link)`);
    expect(text).toContain(`${complianceDefaults.disclosure} #ad`);
  });

  it('shortens a long description to 500 as Mastodon counts, keeping every disclosure', () => {
    const description = `${'This bottle keeps ice for a whole day. '.repeat(40)}${link} (paid link)`;
    const text = composeStatus({ ...draft, description }, settings);
    expect(text).toBeDefined();
    expect(statusLength(text ?? '')).toBeLessThanOrEqual(500);
    expect(statusLength(text ?? '')).toBeGreaterThan(480);
    expect(text).toContain('…');
    expect(text).toContain(`${link} (paid link)`);
    expect(text).toContain(`${complianceDefaults.disclosure} #ad`);
    expect(text?.endsWith(`ref: ${draft.marker}`)).toBe(true);
  });

  it('uses the room a long URL saves: 23 counted, not its length', () => {
    const longLink = `https://www.amazon.com/dp/B000000000?tag=deals-20&${'x'.repeat(200)}`;
    const text = composeStatus({ ...draft, links: [longLink], description: 'word '.repeat(200) }, settings);
    expect(statusLength(text ?? '')).toBeLessThanOrEqual(500);
    expect((text ?? '').length).toBeGreaterThan(600);
  });

  it('resolves undefined when the disclosures alone do not fit', () => {
    expect(composeStatus(draft, { ...settings, maxCharacters: 80 })).toBeUndefined();
  });
});

describe('validate', () => {
  const publisher = createMastodonPublisher({ instanceUrl: 'https://social.example.test', accessToken });

  it('accepts the standard draft', async () => {
    expect(await publisher.validate(draft)).toEqual({ ok: true, issues: [] });
  });

  it('names each field Mastodon would refuse, with the problem and the fix', async () => {
    const result = await publisher.validate({
      ...draft,
      video: { ...draft.video, mediaType: 'video/x-msvideo', size: 200 * 1024 * 1024 },
      links: ['ftp://example.test/deal'],
    });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.field)).toEqual(['video.mediaType', 'video.size', 'links[0]']);
    for (const issue of result.issues) {
      expect(issue.problem).not.toBe('');
      expect(issue.fix).not.toBe('');
    }
  });

  it('says when the disclosures cannot fit the server limit', async () => {
    const small = createMastodonPublisher({
      instanceUrl: 'https://social.example.test',
      accessToken,
      maxCharacters: 100,
    });
    const result = await small.validate(draft);
    expect(result.issues[0]?.field).toBe('description');
    expect(result.issues[0]?.problem).toMatch(/of the 100 characters/);
  });
});
