import { describeImageProviderContract } from '@reelsmith/testkit';
import { contractOptionsFor } from './testing/contract-options.js';

// The Gemini API (API key): the recommended Gemini image model through generateContent, and
// Imagen 4 through :predict (the SDK's generateImages is Vertex-only; the SDK's HTTP client is used).
describeImageProviderContract(contractOptionsFor({ vertex: false, model: 'gemini-3.1-flash-image' }));
describeImageProviderContract(contractOptionsFor({ vertex: false, model: 'imagen-4.0-generate-001' }));
