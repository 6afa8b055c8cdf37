/** The fields of a post the publisher reads (`context=edit`). */
export interface WordPressPost {
  id: number;
  link: string;
  slug: string;
  status: string;
  date_gmt?: string | null;
  content?: { raw?: string; rendered?: string };
}

/** The fields of a media item the publisher reads. */
export interface WordPressMedia {
  id: number;
  source_url: string;
  mime_type?: string;
  slug?: string;
  title?: { raw?: string; rendered?: string };
}

/** The fields of a category or tag the publisher reads. */
export interface WordPressTerm {
  id: number;
  name: string;
  slug?: string;
}

/** What `publish` keeps in the publish state, by key. */
export const stateKeys = {
  /** `{ id, url, mediaType }` of an uploaded media item, per role. */
  media: (role: string) => `media:${role}`,
  /** `{ fileName }`: an upload of this role was sent; it may exist on the site without an id here. */
  uploadStarted: (role: string) => `upload-started:${role}`,
  /** `{ slug }`: the post create request was sent. */
  postStarted: 'post-started',
  /** `{ id, link, slug }` of the created post. */
  post: 'post',
} as const;
