import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_BYTES = 32;

/** A fresh per-run secret: 32 random bytes, hex. */
export function newRunSecret(): string {
  return randomBytes(SECRET_BYTES).toString('hex');
}

/** What is kept of a secret: its digest, so comparisons take the same time for any input. */
export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time comparison of two digests from {@link secretDigest}. */
export function digestsMatch(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** The secret from an `Authorization: Bearer <secret>` header, if there is one. */
export function bearerSecret(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header.trim())?.[1] : undefined;
}
