/**
 * The app's only cryptography: a random data key, wrapped by a key derived from the PIN.
 *
 * Everything the app keeps about its user is encrypted with one random AES-GCM-256 data
 * key. On disk that key exists only wrapped by a key derived from the PIN or passphrase
 * (PBKDF2-SHA-256 through WebCrypto; iterations and salt are stored beside the wrapped key
 * so they can be raised later), or, before any PIN is set and while only public data is
 * kept, in the clear. In memory every key is a non-extractable `CryptoKey`: script can use
 * it but never read it. Each message gets a fresh 96-bit IV and is bound to its slot (the
 * chunk's id as additional data), so a ciphertext moved to another slot does not decrypt.
 * Nothing else in the app calls `crypto.subtle`.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; production never goes below it. */
export const PBKDF2_ITERATIONS = 600_000;

/** The wrapped data key as stored; only the PIN opens it. */
export interface WrappedKey {
  kind: "wrapped";
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  wrapped: ArrayBuffer;
}

/** The data key before a PIN is set: only public data is under it. */
export interface OpenKey {
  kind: "open";
  raw: ArrayBuffer;
}

export type StoredKey = WrappedKey | OpenKey;

/** A ciphertext and its IV: all a chunk row holds besides its id. */
export interface Sealed {
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

/** The PIN or passphrase does not open the key. */
export class WrongSecret extends Error {
  constructor() {
    super("wrong PIN or passphrase");
  }
}

/** A ciphertext failed authentication: altered, truncated, or moved to another slot. */
export class Tampered extends Error {
  constructor(slot: string) {
    super(`stored data did not authenticate: ${slot}`);
  }
}

const AES = { name: "AES-GCM", length: 256 } as const;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

function random(bytes: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(bytes));
}

/** WebCrypto reports a failed GCM tag as an OperationError; anything else is a bug. */
function isAuthFailure(error: unknown): boolean {
  return error instanceof DOMException ? error.name === "OperationError" : (error as Error)?.name === "OperationError";
}

function checkIterations(iterations: number, allowWeak: boolean): number {
  if (!allowWeak && iterations < PBKDF2_ITERATIONS) throw new Error("too few PBKDF2 iterations");
  return iterations;
}

/** The key-encryption key of a PIN: the one slow step of unlocking (PBKDF2 runs natively, off the main thread). */
export async function deriveKek(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey("raw", encoder.encode(secret.normalize("NFC")), "PBKDF2", false, [
    "deriveKey",
  ]);
  return subtle().deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    AES,
    false,
    ["wrapKey", "unwrapKey", "encrypt", "decrypt"],
  );
}

async function wrapWith(
  kek: CryptoKey,
  extractable: CryptoKey,
  salt: Uint8Array,
  iterations: number,
): Promise<WrappedKey> {
  const iv = random(12);
  const wrapped = await subtle().wrapKey("raw", extractable, kek, { name: "AES-GCM", iv });
  return { kind: "wrapped", salt, iterations, iv, wrapped };
}

async function unwrapWith(kek: CryptoKey, stored: WrappedKey, extractable: boolean): Promise<CryptoKey> {
  try {
    return await subtle().unwrapKey(
      "raw",
      stored.wrapped,
      kek,
      { name: "AES-GCM", iv: stored.iv as Uint8Array<ArrayBuffer> },
      AES,
      extractable,
      ["encrypt", "decrypt"],
    );
  } catch (error) {
    if (isAuthFailure(error)) throw new WrongSecret();
    throw error;
  }
}

export interface NewKey {
  /** What goes to disk. */
  stored: StoredKey;
  /** What stays in memory: the same key, non-extractable. */
  key: CryptoKey;
}

/**
 * A fresh data key. With a secret it is stored wrapped; without one (public data only)
 * in the clear. `iterations` below the production figure is for tests only (`allowWeak`).
 */
export async function createDataKey(
  secret: string | null,
  { iterations = PBKDF2_ITERATIONS, allowWeak = false } = {},
): Promise<NewKey> {
  const extractable = await subtle().generateKey(AES, true, ["encrypt", "decrypt"]);
  if (secret === null) {
    const raw = await subtle().exportKey("raw", extractable);
    return {
      stored: { kind: "open", raw },
      key: await subtle().importKey("raw", raw, AES, false, ["encrypt", "decrypt"]),
    };
  }
  const salt = random(16);
  const kek = await deriveKek(secret, salt, checkIterations(iterations, allowWeak));
  const stored = await wrapWith(kek, extractable, salt, iterations);
  // Keep only the non-extractable copy; the extractable one is dropped here.
  return { stored, key: await unwrapWith(kek, stored, false) };
}

/** Opens the stored data key; `WrongSecret` when the secret does not fit. */
export async function openDataKey(stored: StoredKey, secret: string | null): Promise<CryptoKey> {
  if (stored.kind === "open") return subtle().importKey("raw", stored.raw, AES, false, ["encrypt", "decrypt"]);
  if (secret === null) throw new WrongSecret();
  return unwrapWith(await deriveKek(secret, stored.salt, stored.iterations), stored, false);
}

/**
 * Opens the data key with an already derived key-encryption key (one derivation serves
 * both the duress check and the unlock).
 */
export function unwrapDataKey(stored: WrappedKey, kek: CryptoKey): Promise<CryptoKey> {
  return unwrapWith(kek, stored, false);
}

/** The same data key under a new secret: unwrapped once as extractable, rewrapped, dropped. */
export async function rewrapDataKey(
  stored: WrappedKey,
  oldSecret: string,
  newSecret: string,
  { iterations = PBKDF2_ITERATIONS, allowWeak = false } = {},
): Promise<WrappedKey> {
  const extractable = await unwrapWith(await deriveKek(oldSecret, stored.salt, stored.iterations), stored, true);
  const salt = random(16);
  const kek = await deriveKek(newSecret, salt, checkIterations(iterations, allowWeak));
  return wrapWith(kek, extractable, salt, iterations);
}

const DURESS_MARK = "duress";

/**
 * A duress verifier: a known text encrypted under the duress PIN's key, derived with the
 * data key's salt and iterations. Unlocking derives one key from what was typed and tries
 * it on the verifier first, so the duress check costs no extra derivation; the verifier
 * is as slow to guess offline as the PIN itself.
 */
export async function createDuressVerifier(duressSecret: string, stored: WrappedKey): Promise<Sealed> {
  return seal(await deriveKek(duressSecret, stored.salt, stored.iterations), DURESS_MARK, DURESS_MARK);
}

export async function matchesDuress(kek: CryptoKey, verifier: Sealed): Promise<boolean> {
  try {
    return (await open(kek, DURESS_MARK, verifier)) === DURESS_MARK;
  } catch (error) {
    if (error instanceof Tampered) return false;
    throw error;
  }
}

/** Encrypts a JSON value for one slot. */
export async function seal(key: CryptoKey, slot: string, value: unknown): Promise<Sealed> {
  const iv = random(12);
  const ciphertext = await subtle().encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(slot) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, ciphertext };
}

/** Decrypts what `seal` wrote for the same slot; `Tampered` for anything else. */
export async function open<T = unknown>(key: CryptoKey, slot: string, sealed: Sealed): Promise<T> {
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: "AES-GCM", iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(slot) },
      key,
      sealed.ciphertext,
    );
  } catch (error) {
    if (isAuthFailure(error)) throw new Tampered(slot);
    throw error;
  }
  return JSON.parse(decoder.decode(plain)) as T;
}
