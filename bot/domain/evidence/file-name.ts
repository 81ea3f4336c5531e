/**
 * Names for the evidence store (佐证材料) and for people. Pure.
 *
 * A file's name comes from whoever sent it, so it is data, never a path: only its last segment is
 * kept, every character that is not a letter, digit, space, `.`, `-`, `_` or a bracket becomes
 * `_`, leading dots go, and it is cut to a bounded length keeping its extension. The stored file
 * is named `<evidence id>-<safe name>` inside the task's folder: ids and this name, nothing else.
 */

const NAME_MAX = 80;
const EXT_MAX = 12;

/** A name that is one plain file name: no separators, no leading dot, no control characters. */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._\-()（）[\]【】]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/_+/g, '_')
    .replace(/^[\s._]+/, '')
    .trim();
  const chars = [...cleaned];
  if (!chars.length || !/[\p{L}\p{N}]/u.test(cleaned)) return 'file';
  if (chars.length <= NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  // Stryker disable next-line EqualityOperator: leading dots were taken off, so a dot is never at 0
  const ext = dot > 0 ? cleaned.slice(dot) : '';
  const keep = [...ext].length <= EXT_MAX ? ext : '';
  // Stryker disable next-line EqualityOperator: leading dots were taken off, so a dot is never at 0
  return [...cleaned.slice(0, dot > 0 && keep ? dot : cleaned.length)].slice(0, NAME_MAX - [...keep].length).join('') + keep;
}

/** The path of a piece inside the evidence store, relative to it: `task-7/12-现场照片.jpg`. */
export function evidencePath(taskId: number, evidenceId: number, name: string, ext = ''): string {
  const base = safeFileName(name);
  const withExt = ext && !base.toLowerCase().endsWith(ext) ? `${base}${ext}` : base;
  return `task-${Math.trunc(taskId)}/${Math.trunc(evidenceId)}-${withExt}`;
}

/** An image's extension from its first bytes (Feishu gives images no name). */
export function imageExtension(bytes: Uint8Array): string {
  // Stryker disable next-line UnaryOperator: past the end is no byte; -1 and +1 both match no signature byte
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return '.png';
  if (b(0) === 0xff && b(1) === 0xd8) return '.jpg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) return '.gif';
  if (b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return '.webp';
  return '.img';
}

/** 「850 B」「12 KB」「1.2 MB」 */
export function sizeWord(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  // Stryker disable next-line EqualityOperator,Regex: toFixed(1) has one decimal, so .0 can only end it, and 100 reads 100 either way
  return `${mb < 100 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}
