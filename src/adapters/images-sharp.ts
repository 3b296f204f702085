import sharp from 'sharp';
import type { ImagePort } from '../features/files/file-ports';

/** Longest side of a thumbnail, in pixels (a list row or a card shows it at about 96 px, twice for sharp screens). */
export const THUMBNAIL_PX = 320;

/**
 * The image port on Node, with sharp (libvips): a photo's size (after its EXIF orientation) and a WebP thumbnail.
 * A file sharp cannot decode throws, and the upload is refused as damaged.
 */
export const sharpImages: ImagePort = {
  async describe(bytes) {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 });
    const meta = await image.metadata();
    const turned = (meta.orientation ?? 1) >= 5; // EXIF orientations 5–8 swap width and height
    const thumbnail = await image.rotate().resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
    return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height, thumbnail: new Uint8Array(thumbnail) };
  },
};
