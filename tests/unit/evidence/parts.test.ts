/** What a message carries as evidence (佐证材料): files, images, videos, links, and whether it has words besides. */
import { describe, expect, it } from 'vitest';
import { evidenceOf, hasEvidence, hasWords, linksIn, MAX_FILES, MAX_LINKS } from '../../../bot/domain/evidence/parts.js';

const json = (v: unknown) => JSON.stringify(v);

describe('evidenceOf', () => {
  it('an image, a file and a video message carry their keys, names and download types', () => {
    expect(evidenceOf('image', json({ image_key: 'img_1' }))).toEqual({ files: [{ kind: 'image', key: 'img_1', name: '图片', resource: 'image' }], links: [], words: false, skipped: 0 });
    expect(evidenceOf('file', json({ file_key: 'file_1', file_name: '验收报告.pdf' })).files).toEqual([{ kind: 'file', key: 'file_1', name: '验收报告.pdf', resource: 'file' }]);
    // A video: the file itself, not its cover.
    expect(evidenceOf('media', json({ file_key: 'file_2', image_key: 'img_cover', file_name: '现场.mp4', duration: 3000 })).files).toEqual([
      { kind: 'file', key: 'file_2', name: '现场.mp4', resource: 'file' },
    ]);
  });

  it('a text keeps its links, as Feishu delivers them and bare; words beside them make it a report', () => {
    const p = evidenceOf('text', json({ text: '已完成验收，报告见[验收报告](https://example.gov.cn/a.pdf)，照片 https://pan.example.com/s/xyz。' }));
    expect(p.links).toEqual(['https://example.gov.cn/a.pdf', 'https://pan.example.com/s/xyz']);
    expect(p.words).toBe(true);
    expect(evidenceOf('text', json({ text: '@_user_1 [照片](https://a.example/1) https://b.example/2' }))).toMatchObject({ words: false, links: ['https://a.example/1', 'https://b.example/2'] });
  });

  it('a post keeps its images, videos and links (a link shows its words, the href is kept)', () => {
    const post = {
      title: '',
      content: [
        [{ tag: 'text', text: '现场照片如下，' }, { tag: 'a', text: '台账', href: 'https://example.gov.cn/t' }],
        [{ tag: 'img', image_key: 'img_a' }, { tag: 'img', image_key: 'img_b' }],
        [{ tag: 'media', file_key: 'file_v', image_key: 'img_c' }],
      ],
    };
    const p = evidenceOf('post', json({ zh_cn: post }));
    expect(p.files.map((f) => [f.kind, f.key, f.resource])).toEqual([['image', 'img_a', 'image'], ['image', 'img_b', 'image'], ['file', 'file_v', 'file']]);
    expect(p.links).toEqual(['https://example.gov.cn/t']);
    expect(p.words).toBe(true);
    expect(evidenceOf('post', json({ title: '', content: [[{ tag: 'img', image_key: 'img_a' }]] }))).toMatchObject({ words: false, files: [{ key: 'img_a' }] });
  });

  it('is bounded: repeated pieces once, at most MAX_FILES files and MAX_LINKS links, no over-long URL; the rest counted', () => {
    const imgs = Array.from({ length: MAX_FILES + 3 }, (_, i) => ({ tag: 'img', image_key: `img_${i}` }));
    const p = evidenceOf('post', json({ content: [[...imgs, { tag: 'img', image_key: 'img_0' }]] }));
    expect(p.files).toHaveLength(MAX_FILES);
    expect(p.skipped).toBe(3);
    const urls = Array.from({ length: MAX_LINKS + 2 }, (_, i) => `https://e.example/${i}`).join(' ');
    const long = `https://e.example/${'x'.repeat(1200)}`;
    const t = evidenceOf('text', json({ text: `${urls} ${long} https://e.example/0` }));
    expect(t.links).toHaveLength(MAX_LINKS);
    expect(t.skipped).toBe(3);
  });

  it('nothing from malformed content, stickers or a javascript: link', () => {
    expect(evidenceOf('image', 'not json')).toMatchObject({ files: [], links: [] });
    expect(evidenceOf('sticker', json({ file_key: 'x' }))).toMatchObject({ files: [], links: [] });
    expect(evidenceOf('post', json({ content: [[{ tag: 'a', text: 'x', href: 'javascript:alert(1)' }]] })).links).toEqual([]);
  });
});

describe('linksIn and hasWords', () => {
  it('trims trailing sentence punctuation and stops at Chinese punctuation', () => {
    expect(linksIn('见 https://a.example/x.pdf。另见https://b.example/y，谢谢')).toEqual(['https://a.example/x.pdf', 'https://b.example/y']);
  });
  it('links and mention keys are not words', () => {
    expect(hasWords('@_user_1 https://a.example')).toBe(false);
    expect(hasWords('[见附件](https://a.example) 已完成')).toBe(true);
  });
});

describe('odd content', () => {
  it('a file or video sent without a name is named for what it is', () => {
    expect(evidenceOf('file', json({ file_key: 'file_1' })).files).toEqual([{ kind: 'file', key: 'file_1', name: '文件', resource: 'file' }]);
    expect(evidenceOf('media', json({ file_key: 'file_2', file_name: '' })).files).toEqual([{ kind: 'file', key: 'file_2', name: '视频', resource: 'file' }]);
    expect(evidenceOf('file', json({ file_key: 7, file_name: '报告.pdf' })).files).toEqual([]);
  });

  it('a post whose content is not a list still has its title\'s words; a title that is no text has none', () => {
    expect(evidenceOf('post', json({ title: '五月进展', content: 'x' }))).toEqual({ files: [], links: [], words: true, skipped: 0 });
    expect(evidenceOf('post', json({ title: 5, content: [[{ tag: 'text', text: 7 }, 'img', null, [{ tag: 'img', image_key: 'k' }]]] }))).toEqual({ files: [], links: [], words: false, skipped: 0 });
  });

  it('takes a link\'s trailing punctuation off, however much of it there is', () => {
    expect(linksIn('见 https://a.example/x.pdf!!…')).toEqual(['https://a.example/x.pdf!!…']);
    expect(linksIn('见 https://a.example/x.pdf?!.')).toEqual(['https://a.example/x.pdf']);
  });

  it('a link written right after a bare URL ends that URL where it starts', () => {
    expect(linksIn('https://x.example/a[图](https://y.example/b)c')).toEqual(['https://y.example/b', 'https://x.example/a']);
    expect(hasWords('https://x.example/a[图](https://y.example/b)好')).toBe(true);
  });

  it('has evidence when it keeps a file or a link', () => {
    expect(hasEvidence({ files: [], links: [], words: true, skipped: 2 })).toBe(false);
    expect(hasEvidence({ files: [], links: ['https://a.example'], words: false, skipped: 0 })).toBe(true);
    expect(hasEvidence({ files: [{ kind: 'image', key: 'k', name: '图片', resource: 'image' }], links: [], words: false, skipped: 0 })).toBe(true);
  });
});

