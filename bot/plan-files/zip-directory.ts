/**
 * The central directory of a zip (.docx and .xlsx are zips): what each entry
 * declares (name, method, sizes, where its data is), read without inflating
 * anything. ZIP64 records are understood. Throws ZipFormatError on anything
 * that does not add up; the caller words it for the user.
 */

export interface ZipEntry {
  /** Raw name bytes, copied as they are when the zip is rebuilt. */
  nameBytes: Buffer;
  name: string;
  /** General-purpose flags (bit 0: encrypted, bit 11: UTF-8 name). */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** The declared inflated size. */
  size: number;
  /** Where the entry's compressed data starts in the file. */
  dataOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** Reads the directory; refuses more than `maxEntries` entries before reading any of them. */
export function readZipDirectory(bytes: Buffer, maxEntries: number): { entries: ZipEntry[]; count: number } {
  const end = findEnd(bytes);
  let count = bytes.readUInt16LE(end + 10);
  let cdSize = bytes.readUInt32LE(end + 12);
  let cdOffset = bytes.readUInt32LE(end + 16);
  let recordStart = end;
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const z = readZip64End(bytes, end);
    ({ count, cdSize, cdOffset } = z);
    recordStart = z.at;
  }
  if (count > maxEntries) return { entries: [], count };
  // Bytes before the zip (a self-extracting stub) shift every offset alike.
  const shift = recordStart - (cdOffset + cdSize);
  if (shift < 0) throw new ZipFormatError('central directory overlaps its end record');
  const entries: ZipEntry[] = [];
  let at = cdOffset + shift;
  for (let i = 0; i < count; i++) {
    need(bytes, at, 46);
    if (bytes.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError('bad central directory record');
    const nameLen = bytes.readUInt16LE(at + 28);
    const extraLen = bytes.readUInt16LE(at + 30);
    const commentLen = bytes.readUInt16LE(at + 32);
    need(bytes, at + 46, nameLen + extraLen + commentLen);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLen);
    const flags = bytes.readUInt16LE(at + 8);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let size = bytes.readUInt32LE(at + 24);
    let localOffset = bytes.readUInt32LE(at + 42);
    if (compressedSize === MAX32 || size === MAX32 || localOffset === MAX32) {
      const z = readZip64Extra(bytes.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen), { size, compressedSize, localOffset });
      ({ size, compressedSize, localOffset } = z);
    }
    entries.push({
      nameBytes,
      name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes),
      flags,
      method: bytes.readUInt16LE(at + 10),
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize,
      size,
      dataOffset: dataOffsetOf(bytes, localOffset + shift, compressedSize),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, count };
}

function findEnd(bytes: Buffer): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - MAX16; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipFormatError('no end of central directory');
}

function readZip64End(bytes: Buffer, end: number): { count: number; cdSize: number; cdOffset: number; at: number } {
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipFormatError('missing ZIP64 locator');
  const at = safeNumber(bytes.readBigUInt64LE(locator + 8));
  need(bytes, at, 56);
  if (bytes.readUInt32LE(at) !== ZIP64_EOCD) throw new ZipFormatError('bad ZIP64 end record');
  return {
    count: safeNumber(bytes.readBigUInt64LE(at + 32)),
    cdSize: safeNumber(bytes.readBigUInt64LE(at + 40)),
    cdOffset: safeNumber(bytes.readBigUInt64LE(at + 48)),
    at,
  };
}

/** The ZIP64 extra field holds, in this order, each value whose 32-bit field is saturated. */
function readZip64Extra(extra: Buffer, v: { size: number; compressedSize: number; localOffset: number }) {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        if (p + 8 > at + 4 + len || p + 8 > extra.length) throw new ZipFormatError('short ZIP64 extra field');
        const n = safeNumber(extra.readBigUInt64LE(p));
        p += 8;
        return n;
      };
      const size = v.size === MAX32 ? next() : v.size;
      const compressedSize = v.compressedSize === MAX32 ? next() : v.compressedSize;
      const localOffset = v.localOffset === MAX32 ? next() : v.localOffset;
      return { size, compressedSize, localOffset };
    }
    at += 4 + len;
  }
  throw new ZipFormatError('missing ZIP64 extra field');
}

function dataOffsetOf(bytes: Buffer, localOffset: number, compressedSize: number): number {
  need(bytes, localOffset, 30);
  if (bytes.readUInt32LE(localOffset) !== LOCAL) throw new ZipFormatError('bad local header');
  const start = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
  need(bytes, start, compressedSize);
  return start;
}

function need(bytes: Buffer, at: number, len: number): void {
  if (at < 0 || at + len > bytes.length) throw new ZipFormatError('truncated zip');
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 value out of range');
  return Number(n);
}
