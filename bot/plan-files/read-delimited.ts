/** .csv/.tsv → a table: UTF-8 or GBK, comma or tab guessed, rows and columns with content bounded. */
import { Parser } from 'csv-parse';
import { PlanError, type PlanSource } from '../domain/plan/types.js';
import { decodeText } from './decode-text.js';
import { TableBounds } from './table-bounds.js';

/** The parts of csv-parse's Parser used here beyond its types: its synchronous core and its state. */
interface CsvParser {
  api: { parse(buf: Buffer, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined };
  state?: { expectedRecordLength: number };
}

export function readDelimited(name: string, bytes: Buffer, delimiter?: string): PlanSource {
  const text = decodeText(bytes);
  if (!text.trim()) throw new PlanError('文件是空的：没有可以导入的内容。');
  const head = text.slice(0, 64 * 1024).split('\n', 5).join('');
  const guess = delimiter ?? (head.split('\t').length > head.split(',').length ? '\t' : ',');
  const bounds = new TableBounds('numbers');
  let row = 0;
  // csv-parse builds an error (stack trace, a JSON copy of the record) for every record whose width
  // differs from the first one's, even with relax_column_count; a table under a one-cell title row is
  // every record (~0.15 s of a 6,000-row file, bench/import.ts). So after each record the width it
  // expects becomes that record's (its `state`, kept public on the Parser): only a change of width
  // costs an error. Their stacks are never read, so none is captured while this synchronous call
  // runs (restored below).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const rows: string[][] = [];
    const parser = new Parser({
      delimiter: guess,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
      // Each record as it is read: bounded before the next, trailing empty cells dropped.
      on_record: (record: string[]) => {
        if (parser.state) parser.state.expectedRecordLength = record.length;
        row++;
        let width = 0;
        record.forEach((cell, i) => {
          if (!cell.trim()) return;
          bounds.cell(row, i + 1);
          width = i + 1;
        });
        return record.length > width ? record.slice(0, width) : record;
      },
    }) as unknown as CsvParser;
    // What csv-parse/sync's parse() does: the whole text in one synchronous call.
    const error = parser.api.parse(Buffer.from(text), true, (record) => rows.push(record), () => {});
    if (error !== undefined) throw error;
    return { kind: 'table', name, rows, preface: [] };
  } catch (e) {
    if (e instanceof PlanError) throw e;
    // The parser's own message may quote the file: only the line number is passed on.
    const line = (e as { lines?: unknown }).lines;
    throw new PlanError(`表格文件格式有误${typeof line === 'number' ? `（约第${line}行）` : ''}，无法读取：请用 Excel 或 WPS 另存为 .csv 或 .xlsx 后重试。`);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
