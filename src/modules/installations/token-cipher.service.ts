import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for installation secrets at rest. Every value gets a fresh 12-byte IV; the
 * 16-byte tag makes any change to the stored text (or a wrong key) fail loudly instead of
 * decrypting to garbage. Stored as "v1:<iv>:<tag>:<ciphertext>", each part base64, so a
 * later format can sit next to this one.
 */

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class TokenDecryptionError extends Error {
  override readonly name = 'TokenDecryptionError';
}

export interface TokenCipher {
  encrypt(plaintext: string): string;
  /** Tries the current key, then the previous one; throws TokenDecryptionError if neither opens it. */
  decrypt(stored: string): string;
  /** True when `stored` was written with a key other than the current one (re-encrypt it). */
  needsReencryption(stored: string): boolean;
}

function assertKey(key: Buffer, name: string): void {
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes for AES-256-GCM (got ${key.length})`);
}

function open(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer): string | undefined {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

function parse(stored: string): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const parts = stored.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new TokenDecryptionError(`unknown encrypted format (expected ${VERSION}:<iv>:<tag>:<ciphertext>)`);
  }
  const [, iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, 'base64'));
  if (!iv || !tag || !ciphertext || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new TokenDecryptionError('malformed encrypted value (bad IV or tag length)');
  }
  return { iv, tag, ciphertext };
}

export function createTokenCipher(keys: { key: Buffer; previousKey?: Buffer }): TokenCipher {
  assertKey(keys.key, 'LIAISON_ENCRYPTION_KEY');
  if (keys.previousKey) assertKey(keys.previousKey, 'LIAISON_ENCRYPTION_KEY_PREVIOUS');
  const current = keys.key;
  const previous = keys.previousKey;

  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(
        ':',
      );
    },

    decrypt(stored) {
      const { iv, tag, ciphertext } = parse(stored);
      const plaintext =
        open(current, iv, tag, ciphertext) ?? (previous && open(previous, iv, tag, ciphertext));
      if (plaintext === undefined) {
        throw new TokenDecryptionError(
          previous
            ? 'neither LIAISON_ENCRYPTION_KEY nor LIAISON_ENCRYPTION_KEY_PREVIOUS opens this value (wrong key, or the stored text was changed)'
            : 'LIAISON_ENCRYPTION_KEY does not open this value (wrong key, or the stored text was changed)',
        );
      }
      return plaintext;
    },

    needsReencryption(stored) {
      const { iv, tag, ciphertext } = parse(stored);
      return open(current, iv, tag, ciphertext) === undefined;
    },
  };
}
