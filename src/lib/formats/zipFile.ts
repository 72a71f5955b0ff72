// Zip archives as the build publishes them (Claude Code's plugin archives):
// each file deflated once by Node's own zlib and its entry reused in every
// archive that holds the same file (a persona's agent file is in its own
// plugin and in its category's). fflate's zipSync deflates in JavaScript and
// cannot take an entry deflated before: with 10,000 personas it spent about
// 10 s deflating and 5 s collecting garbage. Layout per PKWARE's APPNOTE
// 6.3.10 (local headers, central directory, end record), no data
// descriptors, no zip64 (an archive of a few personas stays far below 4 GB).
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The path inside the archive, UTF-8. */
  name: Uint8Array;
  crc: number;
  size: number;
  deflated: Uint8Array;
}

const encoder = new TextEncoder();

/** One file, deflated, ready to go into any number of archives. */
export function zipEntry(path: string, content: string): ZipEntry {
  const bytes = encoder.encode(content);
  return { name: encoder.encode(path), crc: crc32(bytes), size: bytes.length, deflated: deflateRawSync(bytes, { level: 9 }) };
}

/** A date and time as the zip format's MS-DOS fields, in UTC so that every machine writes the same bytes. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;

/** The archive of `entries` in their order, every entry dated `date`: the same entries and date make the same bytes. */
export function zipArchive(entries: readonly ZipEntry[], date: Date): Uint8Array {
  const { time, day } = dosDateTime(date);
  const localSize = entries.reduce((sum, entry) => sum + 30 + entry.name.length + entry.deflated.length, 0);
  const centralSize = entries.reduce((sum, entry) => sum + 46 + entry.name.length, 0);
  const bytes = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const u16 = (...values: number[]) => {
    for (const value of values) view.setUint16((at += 2) - 2, value, true);
  };
  const u32 = (...values: number[]) => {
    for (const value of values) view.setUint32((at += 4) - 4, value >>> 0, true);
  };
  const put = (data: Uint8Array) => {
    bytes.set(data, at);
    at += data.length;
  };
  /** The fields a local header and a central record share, from "version needed" to the name's length. */
  const common = (entry: ZipEntry) => {
    u16(VERSION, UTF8_NAMES, DEFLATE, time, day);
    u32(entry.crc, entry.deflated.length, entry.size);
    u16(entry.name.length);
  };
  const offsets: number[] = [];
  for (const entry of entries) {
    offsets.push(at);
    u32(0x04034b50);
    common(entry);
    u16(0); // extra field length
    put(entry.name);
    put(entry.deflated);
  }
  const central = at;
  entries.forEach((entry, index) => {
    u32(0x02014b50);
    u16(VERSION); // made by: MS-DOS, so no Unix permissions to read
    common(entry);
    u16(0, 0, 0, 0); // extra field and comment lengths, disk, internal attributes
    u32(0, offsets[index]); // external attributes, where the local header is
    put(entry.name);
  });
  const centralLength = at - central;
  u32(0x06054b50);
  u16(0, 0, entries.length, entries.length);
  u32(centralLength, central);
  u16(0); // comment length
  return bytes;
}
