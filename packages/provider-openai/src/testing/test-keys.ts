/** A fake API key for tests; the contract suites check it never reaches an error message. */
export const testApiKey = 'sk-test-reelsmith-openai-0123456789abcdef';
