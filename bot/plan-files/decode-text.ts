/** Bytes of a text file → string: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030. */
import { PlanError } from '../domain/plan/types.js';

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new PlanError('这不是文本文件（含有二进制内容），无法读取。请上传 .txt、.docx、.xlsx、.csv 或 .tsv 格式的工作要点。');
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      if (looksLikeText(text)) return text;
    } catch {
      // try the next encoding
    }
  }
  throw new PlanError('无法识别文件的文字编码（支持 UTF-8 和 GBK），也可能不是文本文件。请另存为 UTF-8 文本或 .docx 后重试。');
}

/** Rejects decodings full of control characters (binary that happened to decode). */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (!sample) return true;
  const control = sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return control / sample.length < 0.01;
}
