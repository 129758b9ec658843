// Canonical JSON decides "same content" for retries and "same file" for published versions.
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../server/catalog/canonical-json';

describe('canonicalJson', () => {
  it('gives one text for the same value whatever the key order, at every depth', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'ә' } };
    const b = { a: { c: 'ә', d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(sha256Hex(canonicalJson(a))).toBe(sha256Hex(canonicalJson(b)));
  });

  it('tells apart values that differ only in array order, type or a nested value', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: { b: null } })).not.toBe(canonicalJson({ a: {} }));
  });

  it('reads an own "__proto__" key as data, not as the prototype', () => {
    const withProto = JSON.parse('{"__proto__": {"x": 1}, "a": 2}');
    expect(canonicalJson(withProto)).toBe('{"__proto__":{"x":1},"a":2}');
  });
});
