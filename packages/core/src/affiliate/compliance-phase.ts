import { applyCompliance } from '../compliance/apply-compliance.js';
import { ComplianceError } from '../compliance/compliance-error.js';
import { definePhase } from '../pipeline/phase.js';
import type { AffiliateSettings } from './affiliate-options.js';
import type { ComplianceOutput } from './outputs.js';

/**
 * `compliance`: checks the script against the affiliate and advertising rules before any money
 * is spent on images or voice, and writes the publishable captions (link, `#ad`, the program
 * disclosure, within each platform's limit). A broken rule fails the run with a
 * `ComplianceError` naming the rule, the field and the fix.
 */
export function compliancePhase(settings: AffiliateSettings) {
  const platforms = [
    ...new Set([
      ...(settings.options.platforms ?? []),
      ...(settings.options.publishers ?? []).map((publisher) => publisher.platform),
    ]),
  ];
  return definePhase({
    name: 'compliance',
    needs: ['product', 'script'],
    run: (ctx): ComplianceOutput => {
      const result = applyCompliance(
        ctx.inputs.script.script,
        ctx.inputs.product.product,
        platforms,
        settings.compliance,
      );
      if (result.violations.length > 0) throw new ComplianceError(result.violations);
      if (!settings.compliance.enabled) {
        ctx.warn({ type: 'other', message: 'the compliance guard is off (compliance.enabled: false)' });
      }
      return {
        description: result.description,
        captions: result.captions,
        videoProduct: result.videoProduct,
        productPhotos: settings.compliance.productPhotos,
      };
    },
  });
}
