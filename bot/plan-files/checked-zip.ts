/**
 * The parts of a .docx/.xlsx zip, inflated within LIMITS: the directory's entry
 * count and the declared sizes of the parts to be read are checked before
 * anything is inflated, and each part is inflated with zlib's maxOutputLength
 * set to what it declares, so one that lies stops there. `packStored` packs
 * checked parts again, uncompressed, for a library (mammoth) that wants a zip:
 * it then has nothing left to inflate.
 */
import { inflateRawSync } from 'node:zlib';
import { formatCount, formatMb, LIMITS } from '../domain/plan/limits.js';
import { PlanError } from '../domain/plan/types.js';
import { readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory.js';

export interface ZipKind {
  /** 「Word 文件」 */
  label: string;
  /** 「.docx」 */
  ext: string;
}

export interface ZipPart {
  entry: ZipEntry;
  data: Buffer;
}

/** The parts `keep` names, inflated and checked, by name; the others are never inflated. */
export function unzipChecked(bytes: Buffer, kind: ZipKind, keep: (name: string) => boolean): Map<string, ZipPart> {
  const damaged = () => new PlanError(`无法打开这个${kind.label}：文件可能已损坏或不是 ${kind.ext} 格式。`);
  let entries: ZipEntry[];
  try {
    const dir = readZipDirectory(bytes, LIMITS.zipEntries);
    if (dir.count > LIMITS.zipEntries) {
      throw new PlanError(`${kind.label}内含的部件过多（${formatCount(dir.count)} 个）：不能超过 ${formatCount(LIMITS.zipEntries)} 个。`);
    }
    entries = dir.entries.filter((e) => !e.name.endsWith('/') && keep(e.name));
  } catch (e) {
    if (e instanceof ZipFormatError) throw damaged();
    throw e;
  }
  if (entries.some((e) => e.flags & 1)) throw new PlanError(`${kind.label}设有密码，无法读取：请取消密码保护后另存，再导入。`);
  const biggest = entries.reduce((a, e) => Math.max(a, e.size), 0);
  if (biggest > LIMITS.zipEntryBytes) {
    throw new PlanError(`文件解压后过大（其中一个部件约 ${formatMb(biggest)}）：${kind.label}中的单个部件解压后不能超过 ${formatMb(LIMITS.zipEntryBytes)}。`);
  }
  const total = entries.reduce((a, e) => a + e.size, 0);
  if (total > LIMITS.unzippedBytes) {
    throw new PlanError(`文件解压后过大（约 ${formatMb(total)}）：${kind.label}解压后不能超过 ${formatMb(LIMITS.unzippedBytes)}。`);
  }
  const parts = new Map<string, ZipPart>();
  for (const entry of entries) parts.set(entry.name, { entry, data: inflateEntry(bytes, entry, damaged, kind) });
  return parts;
}

/** The largest output chunk asked of zlib (a 6,000-row sheet is about 1.3 MB inflated). */
const MAX_CHUNK = 8 * 1024 * 1024;

function inflateEntry(bytes: Buffer, e: ZipEntry, damaged: () => PlanError, kind: ZipKind): Buffer {
  const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) {
    if (raw.length !== e.size) throw damaged();
    return raw;
  }
  if (e.method !== 8) throw damaged();
  let out: Buffer;
  try {
    // One output chunk a byte larger than the declared size (up to MAX_CHUNK): a truthful part inflates
    // into it without zlib's default 16 KB chunks and their concatenation; a lying one still stops at
    // maxOutputLength, and one that declares much more than it holds reserves at most MAX_CHUNK.
    out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, Math.min(MAX_CHUNK, e.size + 1)) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PlanError(`${kind.label}已损坏或被改动过：其中一个部件解压后比它声明的大小（${formatMb(e.size)}）更大，已停止读取。`);
    }
    throw damaged();
  }
  if (out.length !== e.size) throw damaged();
  return out;
}

/** A zip of the parts, stored (no compression); within LIMITS it never needs ZIP64. */
export function packStored(parts: Iterable<ZipPart>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const { entry: e, data: body } of parts) {
    count++;
    const flags = e.flags & 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt32LE(e.crc32, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(e.nameBytes.length, 26);
    chunks.push(local, e.nameBytes, body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt32LE(e.crc32, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(body.length, 24);
    c.writeUInt16LE(e.nameBytes.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, e.nameBytes);
    offset += 30 + e.nameBytes.length + body.length;
  }
  const cdSize = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
