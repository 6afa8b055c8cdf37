import { z } from 'zod';

/** The price of a product at the time it was read. Prices change: `readAt` is required. */
export const priceSchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().length(3),
  readAt: z.string(),
});

/** A product review snippet. */
export const reviewSchema = z.object({
  title: z.string().optional(),
  text: z.string(),
  rating: z.number().min(0).max(5).optional(),
  author: z.string().optional(),
});

/** The normalized product every source produces and every phase reads. */
export const productSchema = z.object({
  asin: z.string().optional(),
  title: z.string().min(1),
  brand: z.string().optional(),
  price: priceSchema.optional(),
  rating: z.number().min(0).max(5).optional(),
  reviewCount: z.number().int().nonnegative().optional(),
  bullets: z.array(z.string()).default([]),
  reviews: z.array(reviewSchema).default([]),
  /** Photo URLs as the source gave them. */
  imageUrls: z.array(z.string()).default([]),
  category: z.string().optional(),
  /** The product page. */
  url: z.string().optional(),
  /** The tagged affiliate link to show viewers. */
  affiliateUrl: z.string().optional(),
  /** The Amazon marketplace host the data came from, e.g. `www.amazon.com`, `www.amazon.co.uk`. */
  marketplace: z.string().optional(),
  /** Whether the product can be bought now; `unavailable` products get no price anywhere. */
  availability: z.enum(['in_stock', 'unavailable', 'unknown']).optional(),
  /** When the product data (rating, reviews, availability) was read, ISO 8601. */
  readAt: z.string().optional(),
});

/** A normalized product. */
export type Product = z.infer<typeof productSchema>;
/** A product price with its read time. */
export type Price = z.infer<typeof priceSchema>;
/** A review snippet. */
export type Review = z.infer<typeof reviewSchema>;
