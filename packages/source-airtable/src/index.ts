// Public API of @reelsmith/source-airtable: the factory and its types.
export {
  type AirtableJobSource,
  type AirtableJobUpdate,
  createAirtableJobSource,
} from './airtable-job-source.js';
export type {
  AirtableFieldNames,
  AirtableJobSourceOptions,
  AirtableSourceWarning,
  AirtableStatusValues,
} from './airtable-source-options.js';
