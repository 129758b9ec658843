// yazl checksums every zip entry with buffer-crc32, a table loop in JavaScript: about a third of the CPU of a
// per-region zip. Node's zlib.crc32 (native; same polynomial, same chaining from a previous value) gives the same
// numbers much faster, so it replaces that one function in the copy yazl loads. Should yazl ever get a copy of its
// own, the patch misses it and zips are only slower; the export tests check the checksums either way.
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';

interface BufferCrc32 {
  unsigned(buffer: Buffer | string, previous?: number): number;
}

const yazlCrc32 = createRequire(import.meta.url)('buffer-crc32') as BufferCrc32;
const javascriptUnsigned = yazlCrc32.unsigned.bind(yazlCrc32);

yazlCrc32.unsigned = (buffer, previous) => crc32(buffer, previous ?? 0);

/** The original, for the test that both agree. */
export const bufferCrc32Unsigned = javascriptUnsigned;
export const nativeCrc32Unsigned = yazlCrc32.unsigned;
