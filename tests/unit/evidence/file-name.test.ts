/** Names in the evidence store come from ids and a sanitised name: no file name can leave its folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidencePath, imageExtension, safeFileName, sizeWord } from '../../../bot/domain/evidence/file-name.js';
import { insideStore } from '../../../bot/evidence/evidence-dir.js';

describe('safeFileName', () => {
  it.each([
    ['验收报告.pdf', '验收报告.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['..', 'file'],
    ['.hidden', 'hidden'],
    ['a/../../b.txt', 'b.txt'],
    ['<at user_id="all">名单.xlsx', 'at user_id_all_名单.xlsx'],
    ['<at user_id="all">名单</at>.xlsx', 'at_.xlsx'],
    ['report\u0000\u202e.pdf', 'report_.pdf'],
    ['', 'file'],
    ['///', 'file'],
  ])('%j → %j', (name, safe) => expect(safeFileName(name)).toBe(safe));

  it('cuts a long name, keeping its extension', () => {
    const name = `${'很长的名字'.repeat(40)}.docx`;
    const safe = safeFileName(name);
    expect([...safe].length).toBeLessThanOrEqual(80);
    expect(safe.endsWith('.docx')).toBe(true);
  });
});

describe('evidencePath', () => {
  it('is the task folder, the id and the safe name, with an image’s extension', () => {
    expect(evidencePath(7, 12, '../../etc/passwd')).toBe('task-7/12-passwd');
    expect(evidencePath(7, 13, '图片', '.png')).toBe('task-7/13-图片.png');
    expect(evidencePath(7, 14, 'a.PNG', '.png')).toBe('task-7/14-a.PNG');
  });

  it('every path built from a hostile name stays inside the store', () => {
    const root = path.resolve('/srv/evidence');
    for (const name of ['../../etc/passwd', '/etc/passwd', '..', 'C:\\Windows\\x', '....//....//x', '%2e%2e%2fx']) {
      const abs = insideStore(root, evidencePath(1, 1, name));
      expect(abs.startsWith(`${root}${path.sep}task-1${path.sep}`)).toBe(true);
    }
    expect(() => insideStore(root, '../outside')).toThrow(/outside the store/);
    expect(() => insideStore(root, '/etc/passwd')).toThrow(/outside the store/);
  });
});

describe('imageExtension and sizeWord', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect(imageExtension(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe('.png');
    expect(imageExtension(Buffer.from([0xff, 0xd8, 0xff]))).toBe('.jpg');
    expect(imageExtension(Buffer.from('GIF89a'))).toBe('.gif');
    expect(imageExtension(Buffer.from('RIFF0000WEBPVP8 '))).toBe('.webp');
    expect(imageExtension(Buffer.from('??'))).toBe('.img');
  });
  it.each([[850, '850 B'], [12 * 1024, '12 KB'], [1.2 * 1024 * 1024, '1.2 MB'], [20 * 1024 * 1024, '20 MB']])('%d → %s', (n, w) => expect(sizeWord(n)).toBe(w));
});

describe('safeFileName, exactly', () => {
  it.each([
    ['报告   终稿.pdf', '报告 终稿.pdf'],
    ['..._报告.pdf', '报告.pdf'],
    ['()（）【】', 'file'],
    ['___', 'file'],
    ['第1版', '第1版'],
  ])('%j → %j', (name, safe) => expect(safeFileName(name)).toBe(safe));

  it('keeps 80 characters: the extension whole when it is short, the name cut before it', () => {
    expect(safeFileName(`${'很长的名字'.repeat(40)}.docx`)).toBe(`${'很长的名字'.repeat(15)}.docx`);
    expect(safeFileName(`${'c'.repeat(76)}.txt`)).toBe(`${'c'.repeat(76)}.txt`);
    expect(safeFileName(`${'c'.repeat(77)}.txt`)).toBe(`${'c'.repeat(76)}.txt`);
    // an extension over 12 characters is no extension: the whole name is cut
    expect(safeFileName(`${'a'.repeat(90)}.${'x'.repeat(20)}`)).toBe('a'.repeat(80));
    expect(safeFileName('b'.repeat(100))).toBe('b'.repeat(80));
  });
});

describe('imageExtension, byte by byte', () => {
  const signatures: [string, number[], number][] = [
    ['.png', [0x89, 0x50, 0x4e, 0x47], 0],
    ['.jpg', [0xff, 0xd8], 0],
    ['.gif', [0x47, 0x49, 0x46], 0],
    ['.webp', [0x57, 0x45, 0x42, 0x50], 8],
  ];
  it.each(signatures)('%s from its signature, and no other byte of it changed', (ext, bytes, at) => {
    const file = new Uint8Array(16);
    file.set(bytes, at);
    expect(imageExtension(file)).toBe(ext);
    for (let i = 0; i < bytes.length; i++) {
      const near = file.slice();
      near[at + i] = 0x00;
      expect(imageExtension(near), `${ext} with byte ${at + i} changed`).toBe('.img');
    }
  });

  it('a file too short for any signature is an image of no known kind', () => {
    expect(imageExtension(new Uint8Array([0x89]))).toBe('.img');
    expect(imageExtension(new Uint8Array())).toBe('.img');
  });
});

describe('sizeWord at its boundaries', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1024 * 1024 - 1, '1024 KB'],
    [1024 * 1024, '1 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [99.94 * 1024 * 1024, '99.9 MB'],
    [100.4 * 1024 * 1024, '100 MB'],
    [250.6 * 1024 * 1024, '251 MB'],
  ])('%d bytes → %s', (bytes, word) => expect(sizeWord(bytes)).toBe(word));
});

