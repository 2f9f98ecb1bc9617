import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createTokenCipher,
  TokenDecryptionError,
} from '../../../src/modules/installations/token-cipher.service.js';

const key = randomBytes(32);
const secret = JSON.stringify({ bot: { token: 'xoxb-1-very-secret', refreshToken: 'xoxe-1-also-secret' } });

describe('token cipher (AES-256-GCM)', () => {
  it('round-trips, hides the plaintext, and never repeats a ciphertext', () => {
    const cipher = createTokenCipher({ key });
    const first = cipher.encrypt(secret);
    const second = cipher.encrypt(secret);
    expect(first).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(first).not.toContain('xoxb');
    expect(Buffer.from(first.split(':')[3] ?? '', 'base64').toString('utf8')).not.toContain('xoxb');
    expect(first).not.toBe(second);
    expect(Buffer.from(first.split(':')[1] ?? '', 'base64')).toHaveLength(12);
    expect(cipher.decrypt(first)).toBe(secret);
    expect(cipher.decrypt(second)).toBe(secret);
  });

  it('detects tampering with the ciphertext, the IV or the tag', () => {
    const cipher = createTokenCipher({ key });
    const stored = cipher.encrypt(secret);
    const parts = stored.split(':');
    const flip = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      return bytes.toString('base64');
    };
    for (const index of [1, 2, 3]) {
      const tampered = parts.map((part, i) => (i === index ? flip(part) : part)).join(':');
      expect(() => cipher.decrypt(tampered)).toThrow(TokenDecryptionError);
    }
    expect(() => cipher.decrypt(`v2:${parts.slice(1).join(':')}`)).toThrow(/unknown encrypted format/);
    expect(() => cipher.decrypt('plaintext-token')).toThrow(TokenDecryptionError);
  });

  it('refuses a value written with another key, and says so without the value', () => {
    const written = createTokenCipher({ key: randomBytes(32) }).encrypt(secret);
    expect(() => createTokenCipher({ key }).decrypt(written)).toThrow(/does not open this value/);
  });

  it('reads values written with the previous key during a key rotation, and marks them for re-encryption', () => {
    const previousKey = randomBytes(32);
    const old = createTokenCipher({ key: previousKey }).encrypt(secret);
    const rotated = createTokenCipher({ key, previousKey });
    expect(rotated.decrypt(old)).toBe(secret);
    expect(rotated.needsReencryption(old)).toBe(true);
    const fresh = rotated.encrypt(secret);
    expect(rotated.needsReencryption(fresh)).toBe(false);
    // The previous key only decrypts: new values are readable without it.
    expect(createTokenCipher({ key }).decrypt(fresh)).toBe(secret);
    expect(() => createTokenCipher({ key: previousKey }).decrypt(fresh)).toThrow(TokenDecryptionError);
  });

  it('needs 32-byte keys', () => {
    expect(() => createTokenCipher({ key: randomBytes(16) })).toThrow(/32 bytes/);
  });
});
