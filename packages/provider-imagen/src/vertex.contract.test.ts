import { describeImageProviderContract } from '@reelsmith/testkit';
import { contractOptionsFor } from './testing/contract-options.js';

// Vertex AI (a service-account key whose token exchange msw answers): Imagen 4 through the SDK's
// generateImages in a region, and the Gemini image model through generateContent on `global`.
describeImageProviderContract(
  contractOptionsFor({ vertex: true, model: 'imagen-4.0-generate-001', location: 'us-central1' }),
);
describeImageProviderContract(contractOptionsFor({ vertex: true, model: 'gemini-3.1-flash-image' }));
