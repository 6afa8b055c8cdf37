// Text helpers of the error mapper: Google's parameter names → our input fields, and short messages.

/** Google request fields (REST or SDK spelling) → the `ImageInput` or setting field a user fixes. */
const fieldNames: ReadonlyArray<[RegExp, string]> = [
  [/sample_?count|number_?of_?images|numberOfImages|sampleCount/i, 'count'],
  [/aspect_?ratio/i, 'width/height'],
  [/person_?generation/i, 'personGeneration'],
  [/negative_?prompt/i, 'negativePrompt'],
  [/\bseed\b/i, 'seed'],
  [/image_?size|sample_?image_?size/i, 'imageSize'],
  [/inline_?data|image\.bytes|reference/i, 'referenceImage'],
  [/prompt/i, 'prompt'],
];

/** The input field a text (a field path or a message) names, if any. */
export function inputField(text: string): string | undefined {
  return fieldNames.find(([pattern]) => pattern.test(text))?.[1];
}

/** Flattens HTML and whitespace and cuts the text to 300 characters. */
export function summarize(text: string): string {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}…` : flat;
}

/** `Name: message: cause`, summarized. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return summarize(`${error.name}: ${error.message}${cause}`);
  }
  return summarize(String(error));
}
