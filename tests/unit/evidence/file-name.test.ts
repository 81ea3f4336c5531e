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
