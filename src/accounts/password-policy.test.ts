import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem (NIST SP 800-63B §5.1.1.2)', () => {
  it('refuses common passwords that are long enough to pass a length rule', () => {
    for (const password of ['password1234', 'PASSWORD1234', 'qwertyuiop123', '1q2w3e4r5t6y']) expect(passwordProblem(password), password).toBe('is one of the most common passwords');
  });

  it('refuses a common password padded with digits or symbols, or repeated', () => {
    expect(passwordProblem('dragon!!!!2024')).toBe('is a common password with digits or symbols added');
    expect(passwordProblem('2024-monkey-2024')).toBe('is a common password with digits or symbols added');
    expect(passwordProblem('qwertyqwerty')).not.toBeNull();
    expect(passwordProblem('letmeinletmeinletmein')).toBe('is a common password repeated');
  });

  it('refuses short ones, ones with the username, and ones of a few characters', () => {
    expect(passwordProblem('Tr0ub4dor&3')).toBe('must be at least 12 characters');
    expect(passwordProblem('ana-is-the-best-editor', { username: 'ana-lyst' })).toBeNull();
    expect(passwordProblem('my name is ana-lyst ok', { username: 'ana-lyst' })).toBe('must not contain the username');
    expect(passwordProblem('abababababab')).toBe('is a common password repeated');
    expect(passwordProblem('abcabcabcabd')).toBe('uses too few different characters');
  });

  it('accepts a passphrase of unrelated words', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('violet kettle under 9 bridges')).toBeNull();
  });
});
