/**
 * The SQLite file header (sqlite.org/fileformat2.html §1.3): read without SQLite, so a truncated or overwritten
 * file is described ("1.2 MB of the 4.8 MB it should be") instead of failing with "disk image is malformed".
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

const MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;

export interface HeaderFacts {
  pageSize: number;
  /** The in-header database size in pages (valid since SQLite 3.7.0 when the change counters agree). */
  pageCount: number;
  fileBytes: number;
}

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Problems a person can read, or [] for a header that looks whole. A missing or empty file is a new database. */
export function headerProblems(file: string): string[] {
  if (!existsSync(file)) return [];
  const fileBytes = statSync(file).size;
  if (fileBytes === 0) return [];
  const header = readHeader(file);
  if (header.length < HEADER_BYTES || header.subarray(0, 16).toString('latin1') !== MAGIC) {
    return ['the file does not start with an SQLite header (it was overwritten or is not a database)'];
  }
  const rawSize = header.readUInt16BE(16);
  const pageSize = rawSize === 1 ? 65_536 : rawSize;
  const pageCount = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  // A write-ahead log may hold pages not yet copied into the file (and a checkpoint killed half way may have
  // written page 1 first); SQLite replays it, so the file size is only judged when there is no log to replay.
  const wal = `${file}-wal`;
  const walPending = existsSync(wal) && statSync(wal).size > 0;
  if (countValid && !walPending && pageCount * pageSize > fileBytes) {
    return [`the file is truncated: ${mb(fileBytes)} of the ${mb(pageCount * pageSize)} its header records`];
  }
  return [];
}
