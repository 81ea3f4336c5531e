/**
 * A small XML tokenizer for the parts of .xlsx and .docx files: one pass, no
 * recursion, no DTD (so no entity expansion), each character looked at a
 * bounded number of times. Element names lose their namespace prefix
 * (「x:c」 → 「c」). It assumes nothing about well-formedness and never throws.
 */

export interface XmlHandlers {
  /**
   * An element starts; `attrs` is the raw attribute text (see `attrOf`); `end` is where its `>` is. A
   * handler that has read on from there itself returns where the tokenizer is to go on (past `end`).
   */
  open?(name: string, attrs: string, selfClosing: boolean, end: number): number | void;
  close?(name: string): void;
  /** Raw character data between tags (see `decodeXml`); CDATA comes decoded already. */
  text?(raw: string, cdata: boolean): void;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

export function scanXml(xml: string, h: XmlHandlers): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      h.text?.(xml.slice(i), false);
      return;
    }
    if (lt > i && h.text) h.text(xml.slice(i, lt), false);
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      i = skipPast(xml, '?>', lt + 2);
    } else if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) i = skipPast(xml, '-->', lt + 4);
      else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        h.text?.(xml.slice(lt + 9, end < 0 ? n : end), true);
        i = end < 0 ? n : end + 3;
      } else i = tagEnd(xml, lt + 2) + 1;
    } else if (next === SLASH) {
      const end = xml.indexOf('>', lt + 2);
      h.close?.(localName(xml.slice(lt + 2, end < 0 ? n : end).trim()));
      i = end < 0 ? n : end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      const body = xml.slice(lt + 1, end);
      const selfClosing = body.charCodeAt(body.length - 1) === SLASH;
      let cut = 0;
      while (cut < body.length && !isNameEnd(body.charCodeAt(cut))) cut++;
      const name = localName(body.slice(0, cut));
      const resume = h.open?.(name, selfClosing ? body.slice(cut, -1) : body.slice(cut), selfClosing, end);
      if (selfClosing) h.close?.(name);
      i = typeof resume === 'number' && resume > end ? resume : end + 1;
    }
  }
}

/** The position of the `>` that ends a tag started before `from`; quoted values may hold `>`. */
function tagEnd(xml: string, from: number): number {
  const n = xml.length;
  for (let j = from; j < n; j++) {
    const c = xml.charCodeAt(j);
    if (c === GT) return j;
    if (c === QUOTE || c === APOS) {
      const close = xml.indexOf(c === QUOTE ? '"' : "'", j + 1);
      if (close < 0) return n;
      j = close;
    } else if (c === LT) return j - 1; // a broken tag: the next one starts here
  }
  return n;
}

function skipPast(xml: string, marker: string, from: number): number {
  const end = xml.indexOf(marker, from);
  return end < 0 ? xml.length : end + marker.length;
}

export function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The value of an attribute, matched on its local name (「r:id」 answers to 「id」), decoded. */
export function attrOf(attrs: string, name: string): string | undefined {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && isNameEnd(attrs.charCodeAt(i))) i++;
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return undefined;
    const key = localName(attrs.slice(i, eq).trim());
    let j = eq + 1;
    while (j < n && isNameEnd(attrs.charCodeAt(j))) j++;
    const q = attrs[j];
    if (q !== '"' && q !== "'") return undefined;
    const end = attrs.indexOf(q, j + 1);
    if (key === name) return decodeXml(attrs.slice(j + 1, end < 0 ? n : end));
    if (end < 0) return undefined;
    i = end + 1;
  }
  return undefined;
}

/**
 * The values of several attributes in one pass, each as `attrOf` reads it (the first with that local
 * name; nothing past a malformed attribute).
 */
export function attrsOf(attrs: string, names: readonly string[]): (string | undefined)[] {
  const out: (string | undefined)[] = names.map(() => undefined);
  let missing = names.length;
  const n = attrs.length;
  let i = 0;
  while (i < n && missing > 0) {
    while (i < n && isNameEnd(attrs.charCodeAt(i))) i++;
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return out;
    const key = localName(attrs.slice(i, eq).trim());
    let j = eq + 1;
    while (j < n && isNameEnd(attrs.charCodeAt(j))) j++;
    const q = attrs[j];
    if (q !== '"' && q !== "'") return out;
    const end = attrs.indexOf(q, j + 1);
    const k = names.indexOf(key);
    if (k >= 0 && out[k] === undefined) {
      out[k] = decodeXml(attrs.slice(j + 1, end < 0 ? n : end));
      missing--;
    }
    if (end < 0) return out;
    i = end + 1;
  }
  return out;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric character references; anything else stays as written. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
