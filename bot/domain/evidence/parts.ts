/**
 * What a message carries that can be evidence (佐证材料): images, files and videos (their Feishu
 * keys) and http(s) links, and whether it also has words of its own (then it is a report too). Pure.
 *
 * Content as events carry it (receive-side message content description): image `{image_key}`, file
 * `{file_key, file_name}`, media `{file_key, image_key, file_name}` (the video; image_key is its
 * cover), text `{text}` with links as `[text](url)`, post `{title, content: [[node…]…]}` (flat or
 * under a locale) with `img` (image_key), `media` (file_key), `a` (href) and `text` nodes.
 * Bounded: at most MAX_FILES files and MAX_LINKS links a message, each link at most MAX_URL chars;
 * the rest are counted in `skipped`.
 */

export const MAX_FILES = 10;
export const MAX_LINKS = 10;
export const MAX_URL = 1000;

export interface FilePart {
  kind: 'image' | 'file';
  /** image_key or file_key. */
  key: string;
  /** The file's name as sent; images have none (「图片」). */
  name: string;
  /** The `type` to download it with (GET …/resources/:key?type=). */
  resource: 'image' | 'file';
}

export interface EvidenceParts {
  files: FilePart[];
  links: string[];
  /** Words beyond links, mentions and images: the message says something (a report). */
  words: boolean;
  /** Pieces over the bounds, not kept. */
  skipped: number;
}

export const IMAGE_NAME = '图片';
export const VIDEO_NAME = '视频';

const MD_LINK = /\[([^\]\n]*)\]\((https?:\/\/[^)\s]+)\)/giu;
const BARE_URL = /https?:\/\/[^\s<>"'()（）[\]【】{}，。；！？、]+/giu;
const MENTION = /@_(?:user_\d+|all)/g;
const LOCALES = ['zh_cn', 'en_us', 'ja_jp'];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A URL without the sentence punctuation that often follows it. */
function cleanUrl(url: string): string {
  return url.replace(/[.,;:!?。，；：！？]+$/u, '');
}

/** Links of a text as typed: `[text](url)` and bare http(s) URLs, in order. */
export function linksIn(text: string): string[] {
  const out: string[] = [];
  const rest = text.replace(MD_LINK, (_m, _t: string, url: string) => {
    out.push(cleanUrl(url));
    return ' ';
  });
  for (const m of rest.matchAll(BARE_URL)) out.push(cleanUrl(m[0]));
  return out;
}

/** Whether a text has letters or digits once links and mention keys are taken out. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(MD_LINK, ' ').replace(BARE_URL, ' ').replace(MENTION, ' '));
}

function parse(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return null;
  }
}

/** The `{title, content}` of a post, flat or under a locale. */
function postBody(parsed: unknown): { title: string; content: unknown[] } | null {
  if (!isObject(parsed)) return null;
  const own = 'content' in parsed || 'title' in parsed ? parsed : null;
  const local = own ?? [...LOCALES.map((l) => parsed[l]), ...Object.values(parsed)].find(isObject) ?? null;
  return local ? { title: str(local.title), content: Array.isArray(local.content) ? local.content : [] } : null;
}

interface Found {
  files: FilePart[];
  links: string[];
  words: boolean;
}

function fromPost(parsed: unknown): Found {
  const body = postBody(parsed);
  const found: Found = { files: [], links: [], words: false };
  if (!body) return found;
  const texts = [body.title];
  for (const paragraph of body.content) {
    if (!Array.isArray(paragraph)) continue;
    for (const node of paragraph) {
      if (!isObject(node)) continue;
      if (node.tag === 'img' && str(node.image_key)) found.files.push({ kind: 'image', key: str(node.image_key), name: IMAGE_NAME, resource: 'image' });
      else if (node.tag === 'media' && str(node.file_key)) found.files.push({ kind: 'file', key: str(node.file_key), name: VIDEO_NAME, resource: 'file' });
      else if (node.tag === 'a' && /^https?:\/\//i.test(str(node.href))) found.links.push(cleanUrl(str(node.href)));
      else if (node.tag === 'text' || node.tag === 'md' || node.tag === 'code_block') texts.push(str(node.text));
    }
  }
  const text = texts.join('\n');
  found.links.push(...linksIn(text));
  found.words = hasWords(text);
  return found;
}

function found(messageType: string, parsed: unknown): Found {
  const c = isObject(parsed) ? parsed : {};
  switch (messageType) {
    case 'image':
      return { files: str(c.image_key) ? [{ kind: 'image', key: str(c.image_key), name: IMAGE_NAME, resource: 'image' }] : [], links: [], words: false };
    case 'file':
    case 'media':
      return {
        files: str(c.file_key) ? [{ kind: 'file', key: str(c.file_key), name: str(c.file_name) || (messageType === 'media' ? VIDEO_NAME : '文件'), resource: 'file' }] : [],
        links: [],
        words: false,
      };
    case 'text': {
      const text = str(c.text);
      return { files: [], links: linksIn(text), words: hasWords(text) };
    }
    case 'post':
      return fromPost(parsed);
    default:
      return { files: [], links: [], words: false };
  }
}

/** The evidence a message carries, de-duplicated and bounded. */
export function evidenceOf(messageType: string, content: string): EvidenceParts {
  const f = found(messageType, parse(content));
  const files = [...new Map(f.files.map((x) => [x.key, x])).values()];
  const links = [...new Set(f.links)];
  const shortLinks = links.filter((l) => l.length <= MAX_URL);
  const keptLinks = shortLinks.slice(0, MAX_LINKS);
  const keptFiles = files.slice(0, MAX_FILES);
  const skipped = links.length - keptLinks.length + (files.length - keptFiles.length);
  return { files: keptFiles, links: keptLinks, words: f.words, skipped };
}

/** Whether anything can be kept. */
export const hasEvidence = (p: EvidenceParts): boolean => p.files.length + p.links.length > 0;
