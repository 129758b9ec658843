// The native CRC-32 put in yazl's place gives the numbers of the JavaScript one, alone and chained chunk by chunk
// (as yazl checksums a streamed entry).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bufferCrc32Unsigned, nativeCrc32Unsigned } from '../../exports/zip-checksum';

describe('zip checksums', () => {
  it('agree with buffer-crc32 on whole buffers and on chained chunks', () => {
    for (const size of [0, 1, 7, 4096, 100_003]) {
      const data = randomBytes(size);
      expect(nativeCrc32Unsigned(data)).toBe(bufferCrc32Unsigned(data));
      let native = 0;
      let javascript = 0;
      for (let at = 0; at < size; at += 1000) {
        native = nativeCrc32Unsigned(data.subarray(at, at + 1000), native);
        javascript = bufferCrc32Unsigned(data.subarray(at, at + 1000), javascript);
      }
      expect(native).toBe(javascript);
      if (size > 0) expect(native).toBe(nativeCrc32Unsigned(data));
    }
    expect(nativeCrc32Unsigned(Buffer.from('Сауалнама'))).toBe(bufferCrc32Unsigned(Buffer.from('Сауалнама')));
  });
});
