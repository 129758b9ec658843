// Which precompressed copy an Accept-Encoding header gets (server/http/precompressed.ts).
import { describe, expect, it } from 'vitest';
import { preferredCoding } from '../../server/http/precompressed';

describe('preferredCoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['br ; q=1.0, gzip', 'br'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity;q=0.5, gzip', 'gzip'],
  ])('sends %j the %s copy', (header, coding) => {
    expect(preferredCoding(header)).toBe(coding);
  });

  it.each([
    [undefined],
    [''],
    ['identity'],
    ['deflate'],
    ['zstd'],
    ['br;q=0, gzip;q=0'],
    ['*;q=0'],
    ['identity;q=1, br;q=0.5'],
    ['br;q=2'],
    ['br;q=abc'],
  ])('sends %j the file as it is', (header) => {
    expect(preferredCoding(header)).toBeUndefined();
  });
});
