import { crc32, deflateSync } from 'node:zlib';

/** An 8-bit RGB image: `pixels` holds width × height × 3 bytes, row by row, top first. */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_TYPE_RGB = 2;

/**
 * Encodes a PNG (ISO/IEC 15948): signature, IHDR (8-bit truecolour, no interlace), one zlib IDAT
 * whose scanlines all use filter 0, IEND. Enough for any PNG reader; size is not its goal.
 */
export function encodePng(image: RgbImage): Buffer {
  const { width, height, pixels } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`PNG size must be positive integers, got ${width}×${height}`);
  }
  const stride = width * 3;
  if (pixels.length !== stride * height) throw new RangeError('pixel buffer does not match the size');
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Byte 0 of each scanline is its filter type: 0 (None).
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(COLOUR_TYPE_RGB, 9);
  // Bytes 10–12: compression 0 (deflate), filter method 0, interlace 0 (none); alloc left them 0.
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** length (4, big-endian) · type (4) · data · CRC-32 of type and data (4). */
function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}
