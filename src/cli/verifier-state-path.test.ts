import { describe, expect, it } from 'vitest';
import { dataDirectoryOf, verifierStatePath } from './verifier-state-path.js';

describe('verifierStatePath', () => {
  it('puts the state under the data directory, not the working directory', () => {
    expect(verifierStatePath('https://countersign.example/log')).toBe('data/verified-logs/countersign.example-log.json');
    expect(verifierStatePath('http://127.0.0.1:8080/log', '/var/lib/countersign')).toBe('/var/lib/countersign/verified-logs/127.0.0.1-8080-log.json');
  });

  it('keeps one file per log, so verifying two logs never mixes their states', () => {
    expect(verifierStatePath('https://a.example/log')).not.toBe(verifierStatePath('https://b.example/log'));
  });

  it('finds the data directory from the configuration: the log key’s directory, else the SQLite file’s, else data', () => {
    expect(dataDirectoryOf({ COUNTERSIGN_LOG_KEY_FILE: '/srv/cs/keys/log-signing.key', DATABASE_URL: 'sqlite:/var/db/cs.db' })).toBe('/srv/cs/keys');
    expect(dataDirectoryOf({ DATABASE_URL: 'sqlite:/var/lib/countersign/countersign.db' })).toBe('/var/lib/countersign');
    expect(dataDirectoryOf({ DATABASE_URL: 'sqlite:///var/lib/countersign/countersign.db' })).toBe('/var/lib/countersign');
    expect(dataDirectoryOf({ DATABASE_URL: 'sqlite:state/c.db' })).toBe('state');
    expect(dataDirectoryOf({ DATABASE_URL: 'postgres://db.example/cs' })).toBe('data');
    expect(dataDirectoryOf({})).toBe('data');
  });
});
