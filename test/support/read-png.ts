import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  chunkTypes: string[];
  /** The inflated IDAT data: one filter byte plus the pixel bytes per scanline. */
  scanlines: Buffer;
}

const SIGNATURE = '89504e470d0a1a0a';

/**
 * Reads a PNG the way a viewer would, independently of the emulator's encoder: signature, every
 * chunk's CRC, IHDR, and the concatenated IDAT inflated with zlib. Throws on anything malformed.
 */
export function readPng(bytes: Uint8Array): DecodedPng {
  const buffer = Buffer.from(bytes);
  if (buffer.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG signature');
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    const typeAndData = buffer.subarray(at + 4, at + 8 + length);
    const type = typeAndData.subarray(0, 4).toString('ascii');
    if (buffer.readUInt32BE(at + 8 + length) !== crc32(typeAndData)) throw new Error(`bad CRC in ${type}`);
    chunkTypes.push(type);
    if (type === 'IHDR') header = typeAndData.subarray(4);
    if (type === 'IDAT') idat.push(typeAndData.subarray(4));
    at += 12 + length;
  }
  if (!header || chunkTypes[0] !== 'IHDR' || chunkTypes.at(-1) !== 'IEND') throw new Error('bad chunk order');
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header.readUInt8(8),
    colourType: header.readUInt8(9),
    chunkTypes,
    scanlines: inflateSync(Buffer.concat(idat)),
  };
}
