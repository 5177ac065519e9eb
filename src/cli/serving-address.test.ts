import { describe, expect, it } from 'vitest';
import { servingAddress } from './serving-address.js';

describe('servingAddress', () => {
  it('says a wildcard bind listens on every interface instead of calling it localhost', () => {
    expect(servingAddress('0.0.0.0', 8080)).toBe('every network interface (0.0.0.0) on port 8080 — http://localhost:8080 from this machine');
    expect(servingAddress('::', 80)).toContain('every network interface (::)');
  });

  it('names a specific address as a URL, IPv6 in brackets', () => {
    expect(servingAddress('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
    expect(servingAddress('::1', 8080)).toBe('http://[::1]:8080');
    expect(servingAddress('countersign.example', 443)).toBe('http://countersign.example:443');
  });
});
