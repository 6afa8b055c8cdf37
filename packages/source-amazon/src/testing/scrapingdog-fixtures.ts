/** A ScrapingDog `/amazon/product` answer, as the service sends it (field names drift; see the README). */
export type ScrapingDogProductBody = Record<string, unknown>;

/** The fake service's catalogue: ASIN → product answer. */
export const scrapingDogProducts: Record<string, ScrapingDogProductBody> = {
  B0C1234567: {
    title: 'HydroPeak 32oz Insulated Water Bottle, Stainless Steel, Wide Mouth, Leak Proof',
    brand: 'Visit the HydroPeak Store',
    price: '$24.99',
    previous_price: '$29.99',
    average_rating: 4.7,
    total_reviews: '12,345',
    availability_status: 'In Stock',
    feature_bullets: ['Keeps drinks cold 24 hours and hot 12 hours', 'Leak-proof lid with carry loop'],
    description: 'A double-wall stainless steel bottle.',
    images: [
      'https://m.media-amazon.com/images/I/71abcHydroA.jpg',
      'https://m.media-amazon.com/images/I/71abcHydroB.jpg',
    ],
    product_category: 'Home & Kitchen › Kitchen & Dining › Water Bottles',
    product_information: { 'Item Weight': '14.4 ounces', ASIN: 'B0C1234567' },
    customer_reviews: [
      {
        user: 'Sam',
        rating: '5.0',
        review_title: 'Cold all day',
        review: 'Ice still there after a day in the car.',
      },
    ],
  },
  B0D2222222: {
    title: 'BrewMaster Electric Kettle 1.7L, Rapid Boil, Auto Shut-Off',
    brand: 'BrewMaster',
    price: '1.299,99 €',
    average_rating: '4,5',
    total_reviews: '2.031',
    availability_status: 'Auf Lager',
    about_this_item: ['Boils a litre in ninety seconds', 'Keeps water hot for an hour'],
    images: ['https://m.media-amazon.com/images/I/61kettleA.jpg'],
    product_category: 'Küche › Wasserkocher',
  },
  B0E3333333: {
    title: 'TrailLite Camping Lantern, Rechargeable, 1000 Lumens',
    brand: 'Brand: TrailLite',
    price: 'Currently unavailable.',
    average_rating: 4.2,
    total_reviews: '845',
    availability_status: 'Currently unavailable.',
    feature_bullets: ['1000 lumens', 'USB-C charging'],
    images: ['https://m.media-amazon.com/images/I/51lanternA.jpg'],
  },
};

/** One `/amazon/search` result, as the service sends it. */
export type ScrapingDogSearchResult = Record<string, unknown>;

/** Search results the fake service draws from (matched by query words). */
export const scrapingDogSearchIndex: ScrapingDogSearchResult[] = [
  {
    type: 'sponsored',
    asin: 'B0SPONSOR1',
    title: 'HydroPeak Insulated Water Bottle 32oz Sponsored Bundle',
    url: 'https://www.amazon.com/sspa/click?ie=UTF8&spc=abc',
    stars: 4.9,
    total_reviews: '50',
    price: '$19.99',
  },
  {
    type: 'search_product',
    asin: 'B0C1234567',
    title: 'HydroPeak 32oz Insulated Water Bottle, Stainless Steel, Wide Mouth, Leak Proof',
    url: 'https://www.amazon.com/HydroPeak-Insulated-Bottle/dp/B0C1234567/ref=sr_1_1',
    stars: 4.7,
    total_reviews: '12,345',
    price: '$24.99',
  },
  {
    type: 'search_product',
    asin: 'B0D2222222',
    title: 'BrewMaster Electric Kettle 1.7L, Rapid Boil, Auto Shut-Off',
    url: 'https://www.amazon.com/dp/B0D2222222',
    stars: '4.5 out of 5 stars',
    total_reviews: '2,031',
    price: '$39.99',
  },
  {
    type: 'search_product',
    asin: 'B0F4444441',
    title: 'Acme Yoga Mat Blue',
    url: 'https://www.amazon.com/dp/B0F4444441',
    stars: 4.4,
    total_reviews: '900',
  },
  {
    type: 'search_product',
    asin: 'B0F4444442',
    title: 'Acme Yoga Mat Green',
    url: 'https://www.amazon.com/dp/B0F4444442',
    stars: 4.4,
    total_reviews: '850',
  },
];
