/**
 * A reference to bytes held in a {@link MediaStore}. Checkpoints hold references, never bytes.
 * Serializable as JSON.
 */
export interface MediaRef {
  /** The id of the store that holds it. */
  store: string;
  /** The key inside the store, e.g. `run-42/images/scene-1.png`. */
  key: string;
  mediaType: string;
  /** Size in bytes. */
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/** Bytes with their media type, as providers return them. */
export interface MediaData {
  data: Uint8Array;
  mediaType: string;
}
