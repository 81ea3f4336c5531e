/**
 * The one-pass .xlsx reader (bot/plan-files/read-xlsx.ts) shows each cell as ExcelJS and
 * the previous reader did: strings, rich text, numbers, dates (1900 and 1904 systems),
 * booleans, formula results, hyperlinks, merged ranges; and copes with what other
 * writers do: namespace prefixes, cells without addresses, phonetic guides, `_x000D_`.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodePlanBytes } from '../../../bot/plan-files/read-plan-file.js';
import { buildZip } from '../../helpers/zip-writer.js';

async function rowsOf(wb: ExcelJS.Workbook): Promise<string[][]> {
  const source = await decodePlanBytes('t.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  if (source.kind !== 'table') throw new Error('expected a table');
  return source.rows;
}

describe('cell values as ExcelJS wrote them', () => {
  it('strings, numbers, dates, booleans, rich text, formulas, hyperlinks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['文字', 42, 0.1 + 0.2, new Date(Date.UTC(2024, 5, 30)), true]);
    ws.addRow([
      { richText: [{ text: '加粗', font: { bold: true } }, { text: '普通' }] },
      { formula: 'B1*2', result: 84 },
      { formula: 'A1&"!"', result: '文字!' },
      { text: '链接', hyperlink: 'https://example.com' },
      '  ',
    ]);
    ws.getCell('A3').value = 'a < b & "c"';
    ws.getCell('B3').value = { formula: 'D1', result: new Date(Date.UTC(2023, 0, 2)) };
    ws.getCell('B3').numFmt = 'yyyy"年"m"月"d"日"';
    expect(await rowsOf(wb)).toEqual([
      ['文字', '42', '0.30000000000000004', '2024-06-30', 'true'],
      ['加粗普通', '84', '文字!', '链接', ''],
      ['a < b & "c"', '2023-01-02', '', '', ''],
    ]);
  });

  it('dates in the 1904 system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet('S').addRow([new Date(Date.UTC(2022, 11, 31))]);
    expect(await rowsOf(wb)).toEqual([['2022-12-31']]);
  });

  it('a merged range keeps its top-left value only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['标题', '', '']);
    ws.addRow(['a', 'b', 'c']);
    ws.addRow(['d', 'e', 'f']);
    ws.mergeCells('A1:C1');
    ws.mergeCells('B2:C3');
    // ExcelJS empties the other cells of a range when it writes; the table is as wide as its content.
    expect(await rowsOf(wb)).toEqual([
      ['标题', ''],
      ['a', 'b'],
      ['d', ''],
    ]);
  });

  it('the sheet with the task header is chosen, in workbook order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['填表说明']);
    const ws = wb.addWorksheet('任务');
    ws.addRow(['序号', '重点工作任务', '牵头单位']);
    ws.addRow([1, '任务一', '科室']);
    expect(await rowsOf(wb)).toEqual([
      ['序号', '重点工作任务', '牵头单位'],
      ['1', '任务一', '科室'],
    ]);
  });
});

describe('what other writers do', () => {
  it('namespace prefixes, cells without addresses, phonetic guides, _x000D_, CDATA and character references', async () => {
    const rels = (type: string, target: string) =>
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`;
    const bytes = await buildZip([
      { name: '_rels/.rels', data: rels('officeDocument', 'xl/workbook.xml') },
      { name: 'xl/workbook.xml', data: '<x:workbook xmlns:x="s" xmlns:rel="r"><x:sheets><x:sheet name="S" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: rels('worksheet', 'worksheets/../worksheets/sheet1.xml') },
      { name: 'xl/sharedStrings.xml', data: '<x:sst xmlns:x="s"><x:si><x:t>漢字</x:t><x:rPh sb="0" eb="2"><x:t>かんじ</x:t></x:rPh></x:si><x:si><x:r><x:t xml:space="preserve">一行_x000D_</x:t></x:r><x:r><x:t>二行</x:t></x:r></x:si></x:sst>' },
      {
        name: 'xl/worksheets/sheet1.xml',
        data:
          '<x:worksheet xmlns:x="s"><x:sheetData><x:row r="2"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c>' +
          '<x:c t="inlineStr"><x:is><x:t><![CDATA[<b>]]>&#x4E00;&amp;</x:t></x:is></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      },
    ]);
    const source = await decodePlanBytes('t.xlsx', bytes);
    expect(source.kind === 'table' && source.rows).toEqual([
      ['', '', '', ''],
      ['漢字', '一行\r二行', '<b>一&', '#N/A'],
    ]);
  });

  it('a value left in a merged range outside its top-left cell is not shown', async () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>主</t></is></c><c r="B1" t="inlineStr"><is><t>从</t></is></c>' +
      '<c r="C1" t="inlineStr"><is><t>外</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const bytes = await buildZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ]);
    const source = await decodePlanBytes('t.xlsx', bytes);
    expect(source.kind === 'table' && source.rows).toEqual([['主', '', '外']]);
  });

  it('plain shared strings, read by position, read as the tokenizer reads them; so do odd cell addresses', async () => {
    const strings = '<si><t>a &amp; b_x000D_</t></si><si><t xml:space="preserve"> 空格 </t></si><si><t></t></si><si><t>x>y</t></si>';
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
      '<c r="$C$1" t="s"><v>3</v></c><c r="AAAA1" t="s"><v>2</v></c><c r="c1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    const read = async (sst: string) => {
      const bytes = await buildZip([
        { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
        { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
        { name: 'xl/sharedStrings.xml', data: sst },
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
      ]);
      const source = await decodePlanBytes('t.xlsx', bytes);
      return source.kind === 'table' && source.rows;
    };
    const expected = [['a & b\r', ' 空格 ', 'x>y', '', 'a & b\r']];
    // As Excel writes it (read by position), and with a comment that sends it through the tokenizer.
    expect(await read(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst count="4" uniqueCount="4">${strings}</sst>`)).toEqual(expected);
    expect(await read(`<sst count="4"><!-- c -->${strings}</sst>`)).toEqual(expected);
  });

  it('rows as spreadsheet programs write them read as the tokenizer reads the same rows with a namespace prefix', async () => {
    // Plain rows (read by plainRows) broken by what it leaves to the tokenizer: an inline string, a formula,
    // a comment, a tag with an apostrophe, text between tags, self-closing cells and rows, a cell without an address.
    const rows =
      '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c><c r="C1" t="inlineStr"><is><t>内联</t></is></c><c r="D1" s="0"/></row>' +
      '<row r="2"><c r="A2" t="str"><f>A1</f><v>式</v></c><!-- c --><c r=\'B2\' t="s"><v>1</v></c>\n  <c t="b"><v>1</v></c></row><row r="3"/>' +
      '<row r="5"><c r="B5" t="s"><v>1</v></c><c r="C5" t="e"><v>#N/A</v></c></row>';
    const prefixed = rows.replace(/<(\/?)(row|c|v|f|is|t)([ >/])/g, '<$1x:$2$3');
    const read = async (sheetData: string) => {
      const bytes = await buildZip([
        { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
        { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
        { name: 'xl/sharedStrings.xml', data: '<sst><si><t>甲</t></si><si><t>乙</t></si></sst>' },
        { name: 'xl/worksheets/sheet1.xml', data: `<worksheet xmlns:x="s"><sheetData>${sheetData}</sheetData><mergeCells><mergeCell ref="A5:B5"/></mergeCells></worksheet>` },
      ]);
      const source = await decodePlanBytes('t.xlsx', bytes);
      return source.kind === 'table' && source.rows;
    };
    const expected = [
      ['甲', '42', '内联'],
      ['式', '乙', 'true'],
      ['', '', ''],
      ['', '', ''],
      ['', '', '#N/A'],
    ];
    expect(await read(prefixed)).toEqual(expected);
    expect(await read(rows)).toEqual(expected);
  });
});
