/**
 * A hand-built zip for tests: deflated or stored entries, and a declared
 * (uncompressed) size that may lie — the one thing zip libraries will not
 * write, and what a zip bomb's header does. Large entries are given as a
 * chunk repeated, so a 100 MB entry never exists in memory.
 */
import { createDeflateRaw } from 'node:zlib';

export interface ZipInput {
  name: string;
  /** The content, or a chunk and how many times it repeats. */
  data: Buffer | string | { chunk: Buffer | string; times: number };
  /** What the headers declare as the inflated size (default: the true size). */
  declaredSize?: number;
  store?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crcUpdate(crc: number, buf: Buffer): number {
  let c = crc ^ 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function deflate(chunks: Iterable<Buffer>): Promise<Buffer> {
  const z = createDeflateRaw();
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => z.on('end', resolve).on('error', reject));
  for (const c of chunks) if (!z.write(c)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(out);
}

function* pieces(data: ZipInput['data']): Generator<Buffer> {
  if (typeof data === 'string') yield Buffer.from(data, 'utf8');
  else if (Buffer.isBuffer(data)) yield data;
  else {
    // Whole chunks gathered into blocks of about 1 MB: fewer writes to zlib.
    const chunk = Buffer.isBuffer(data.chunk) ? data.chunk : Buffer.from(data.chunk, 'utf8');
    const per = Math.max(1, Math.floor(MB / chunk.length));
    const block = Buffer.concat(Array<Buffer>(per).fill(chunk));
    for (let left = data.times; left > 0; left -= per) yield left >= per ? block : block.subarray(0, left * chunk.length);
  }
}

const MB = 1024 * 1024;
/** Entries larger than this get no CRC (0): computing it byte by byte here would take seconds, and readers check sizes first. */
const CRC_UP_TO = 4 * MB;

export async function buildZip(entries: ZipInput[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    let size = 0;
    for (const p of pieces(e.data)) size += p.length;
    let crc = 0;
    if (size <= CRC_UP_TO) for (const p of pieces(e.data)) crc = crcUpdate(crc, p);
    const body = e.store ? Buffer.concat([...pieces(e.data)]) : await deflate(pieces(e.data));
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? size;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(e.store ? 0 : 8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(declared, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    centrals.push(central, name);
    offset += head.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
