/**
 * A small multipart/form-data reader that keeps every part's raw bytes. Needed because the SDK
 * (form-data) sends a Buffer `file` as a part without filename, which WHATWG FormData would decode
 * as a UTF-8 string and corrupt; Feishu accepts such parts as the file.
 */
export interface Part {
  name: string;
  fileName: string | null;
  bytes: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): Part[] | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return null;
  const delim = Buffer.from(`\r\n--${boundary}`);
  const data = Buffer.concat([Buffer.from('\r\n'), body]);
  const parts: Part[] = [];
  let pos = data.indexOf(delim);
  while (pos !== -1) {
    const start = pos + delim.length;
    if (data.subarray(start, start + 2).toString() === '--') break; // closing delimiter
    const next = data.indexOf(delim, start);
    if (next === -1) return null;
    const chunk = data.subarray(start + 2, next); // skip CRLF after the delimiter
    const sep = chunk.indexOf('\r\n\r\n');
    if (sep === -1) return null;
    const head = chunk.subarray(0, sep).toString('utf8');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return null;
    const fileName = /filename="([^"]*)"/i.exec(head)?.[1] ?? null;
    parts.push({ name, fileName, bytes: Buffer.from(chunk.subarray(sep + 4)) });
    pos = next;
  }
  return parts;
}

export function field(parts: Part[], name: string): string | undefined {
  return parts.find((p) => p.name === name)?.bytes.toString('utf8');
}
