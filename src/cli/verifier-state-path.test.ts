import { describe, expect, it } from 'vitest';
import { verifierStatePath } from './verifier-state-path.js';

describe('verifierStatePath', () => {
  it('puts the state under the data directory, not the working directory', () => {
    expect(verifierStatePath('https://countersign.example/log')).toBe('data/verified-logs/countersign.example-log.json');
    expect(verifierStatePath('http://127.0.0.1:8080/log', '/var/lib/countersign')).toBe('/var/lib/countersign/verified-logs/127.0.0.1-8080-log.json');
  });

  it('keeps one file per log, so verifying two logs never mixes their states', () => {
    expect(verifierStatePath('https://a.example/log')).not.toBe(verifierStatePath('https://b.example/log'));
  });
});
