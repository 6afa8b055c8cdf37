import type { Product } from '../spec/product.js';
import type { Script } from '../spec/script-provider.js';
import type { ComplianceViolation } from './compliance-error.js';
import type { ResolvedCompliance } from './compliance-options.js';
import { discloseCaption } from './disclose.js';
import { priceLine } from './prices.js';
import { checkScript } from './script-rules.js';
import { productForVideo } from './video-product.js';

/** What the guard makes of a script: publishable text per platform and the product the video may show. */
export interface ComplianceResult {
  /** The description with the link, the marker and the disclosure (for platforms without their own rule). */
  description: string;
  /** One caption per platform, each within that platform's limit with every disclosure kept. */
  captions: Record<string, string>;
  /** The product for the renderer: no price, fresh ratings only, short review quotes. */
  videoProduct: Product;
  /** Rules the script breaks; empty when it may be published. */
  violations: ComplianceViolation[];
}

/**
 * Applies the compliance rules to a script for `platforms`. Pure: it returns violations rather
 * than throwing, so a caller can report them all at once (the `compliance` phase throws a
 * `ComplianceError`). With `settings.enabled === false` the texts pass through unchanged.
 */
export function applyCompliance(
  script: Script,
  product: Product,
  platforms: readonly string[],
  settings: ResolvedCompliance,
  now = Date.now(),
): ComplianceResult {
  const captionOf = (platform: string) =>
    (script.captions as Record<string, string | undefined> | undefined)?.[platform] ?? script.description;
  if (!settings.enabled) {
    return {
      description: script.description,
      captions: Object.fromEntries(platforms.map((platform) => [platform, captionOf(platform)])),
      videoProduct: product,
      violations: [],
    };
  }
  const violations = checkScript(script, product, settings);
  const link = product.affiliateUrl ?? product.url;
  const showPrice =
    settings.prices.text === 'with-date' &&
    product.price !== undefined &&
    product.availability !== 'unavailable';
  const disclose = (text: string, platform: string | undefined, field: string): string => {
    const rule = settings.platform(platform ?? '');
    const body =
      showPrice && rule.links === 'inline' && product.price ? `${text}\n\n${priceLine(product.price)}` : text;
    const result = discloseCaption(body, rule, { ...(link ? { link } : {}), linkLabel: settings.linkLabel });
    if (result !== undefined) return result;
    violations.push({
      rule: 'disclosure-does-not-fit',
      field,
      problem: `the disclosures alone exceed the ${rule.limit}-${rule.unit === 'graphemes' ? 'character' : 'byte'} limit`,
      fix: `raise compliance.platforms.${platform ?? '<platform>'}.limit or shorten compliance.disclosure`,
    });
    return text;
  };
  const captions: Record<string, string> = {};
  for (const platform of platforms) {
    captions[platform] = disclose(captionOf(platform), platform, `captions.${platform}`);
  }
  return {
    description: disclose(script.description, undefined, 'description'),
    captions,
    videoProduct: productForVideo(product, settings, now),
    violations,
  };
}
