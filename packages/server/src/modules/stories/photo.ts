import sharp from 'sharp';

/** The largest side of a stored photo, in pixels. */
export const PHOTO_MAX_SIDE = 1200;

/**
 * Reads an uploaded image (base64, optionally as a data: URL) and makes the stored photo of it:
 * turned upright by its EXIF orientation, fitted inside 1200×1200, a JPEG at quality 80 with
 * every bit of metadata left out (EXIF, GPS, ICC, XMP: sharp writes none unless asked to).
 * Null when the data is not an image sharp can read.
 */
export async function resizePhoto(data: string): Promise<Buffer | null> {
  const base64 = data.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return null;
  const input = Buffer.from(base64, 'base64');
  if (input.length === 0) return null;
  try {
    return await sharp(input, { limitInputPixels: 50_000_000, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
  } catch {
    return null;
  }
}
