import { z } from 'zod';

/** One unit of work: a product given as a title, an ASIN or a product URL. */
export const jobSchema = z
  .object({
    /** Stable id from the source (an Airtable record id, a line number, a UUID). */
    id: z.string().min(1),
    title: z.string().min(1).optional(),
    asin: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    /** Free-form fields from the source, passed through to phases. */
    fields: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((job) => job.title !== undefined || job.asin !== undefined || job.url !== undefined, {
    message: 'a job needs a `title`, an `asin` or a `url`',
    path: ['title'],
  });

/** A job. */
export type Job = z.infer<typeof jobSchema>;
