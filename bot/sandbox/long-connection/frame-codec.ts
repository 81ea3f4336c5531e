/**
 * The long connection's wire format: protobuf `pbbp2.Frame`, as the SDK's ws-client defines it
 * (@larksuiteoapi/node-sdk, ws-client/proto-buf): SeqID 1 uint64, LogID 2 uint64, service 3 int32,
 * method 4 int32 (0 control, 1 data), headers 5 repeated {key 1, value 2}, payloadEncoding 6,
 * payloadType 7, payload 8 bytes, LogIDNew 9. The first four are `required` there: always written.
 * Written by hand (varints and length-delimited fields) so the fake does not share the SDK's codec.
 */

export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: { key: string; value: string }[];
  payload?: Uint8Array;
}

export const CONTROL = 0;
export const DATA = 1;

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function field(no: number, wire: 0 | 2, body: number[] | Uint8Array): number[] {
  const tag = varint(no * 8 + wire);
  return wire === 0 ? [...tag, ...body] : [...tag, ...varint(body.length), ...body];
}

const utf8 = (s: string) => new TextEncoder().encode(s);

export function encodeFrame(f: Frame): Uint8Array {
  const bytes = [
    ...field(1, 0, varint(f.SeqID)),
    ...field(2, 0, varint(f.LogID)),
    ...field(3, 0, varint(f.service)),
    ...field(4, 0, varint(f.method)),
  ];
  for (const h of f.headers) bytes.push(...field(5, 2, [...field(1, 2, utf8(h.key)), ...field(2, 2, utf8(h.value))]));
  if (f.payload) bytes.push(...field(8, 2, f.payload));
  return Uint8Array.from(bytes);
}

/** Reads the fields of one message: (field number, varint value or bytes). */
function* fields(buf: Uint8Array): Generator<[number, number | Uint8Array]> {
  let pos = 0;
  const readVarint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (pos >= buf.length) throw new Error('frame: truncated varint');
      const b = buf[pos++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  };
  while (pos < buf.length) {
    const tag = readVarint();
    const wire = tag % 8;
    const no = Math.floor(tag / 8);
    if (wire === 0) yield [no, readVarint()];
    else if (wire === 2) {
      const len = readVarint();
      if (pos + len > buf.length) throw new Error('frame: truncated field');
      yield [no, buf.subarray(pos, pos + len)];
      pos += len;
    } else throw new Error(`frame: unsupported wire type ${wire}`);
  }
}

const text = (b: number | Uint8Array) => (typeof b === 'number' ? String(b) : new TextDecoder().decode(b));

export function decodeFrame(buf: Uint8Array): Frame {
  const f: Frame = { SeqID: 0, LogID: 0, service: 0, method: -1, headers: [] };
  for (const [no, v] of fields(buf)) {
    if (no === 1 && typeof v === 'number') f.SeqID = v;
    else if (no === 2 && typeof v === 'number') f.LogID = v;
    else if (no === 3 && typeof v === 'number') f.service = v;
    else if (no === 4 && typeof v === 'number') f.method = v;
    else if (no === 8 && typeof v !== 'number') f.payload = Uint8Array.from(v);
    else if (no === 5 && typeof v !== 'number') {
      const h = { key: '', value: '' };
      for (const [hn, hv] of fields(v)) {
        if (hn === 1) h.key = text(hv);
        else if (hn === 2) h.value = text(hv);
      }
      f.headers.push(h);
    }
  }
  if (f.method === -1) throw new Error('frame: missing required method');
  return f;
}

export const header = (f: Frame, key: string): string | undefined => f.headers.find((h) => h.key === key)?.value;
