/** `npm run bench`: runs every benchmark and prints one markdown table. Never run by CI. */
import { cpus, totalmem } from 'node:os';
import { benchDigest } from './digest.js';
import { benchParse } from './parse.js';
import { formatTable, type Row } from './table.js';

const rows: Row[] = [];
rows.push(...(await benchParse()));
rows.push(...(await benchDigest()));
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log(formatTable(rows));
