import { describe, expect, it } from "vitest";
import {
  createDataKey,
  createDuressVerifier,
  deriveKek,
  matchesDuress,
  open,
  openDataKey,
  PBKDF2_ITERATIONS,
  rewrapDataKey,
  seal,
  Tampered,
  WrongSecret,
  type WrappedKey,
} from "../src/lib/vault";

// Tests derive with few iterations for speed; production code refuses that.
const fast = { iterations: 1000, allowWeak: true };

describe("vault", () => {
  it("opens a wrapped data key with the right PIN and reads what it sealed", async () => {
    const { stored, key } = await createDataKey("123456", fast);
    const sealed = await seal(key, "chunk:base-1", { hello: "мир" });
    const reopened = await openDataKey(stored, "123456");
    expect(await open(reopened, "chunk:base-1", sealed)).toEqual({ hello: "мир" });
  });

  it("rejects a wrong PIN as a wrong PIN", async () => {
    const { stored } = await createDataKey("123456", fast);
    await expect(openDataKey(stored, "123457")).rejects.toBeInstanceOf(WrongSecret);
  });

  it("rejects a tampered ciphertext", async () => {
    const { key } = await createDataKey("123456", fast);
    const sealed = await seal(key, "chunk:state", { token: "secret" });
    const bytes = new Uint8Array(sealed.ciphertext.slice(0));
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    await expect(open(key, "chunk:state", { iv: sealed.iv, ciphertext: bytes.buffer })).rejects.toBeInstanceOf(
      Tampered,
    );
  });

  it("rejects a chunk moved to another slot", async () => {
    const { key } = await createDataKey("123456", fast);
    const sealed = await seal(key, "chunk:base-1", [1, 2, 3]);
    await expect(open(key, "chunk:base-2", sealed)).rejects.toBeInstanceOf(Tampered);
  });

  it("keeps every key in memory non-extractable", async () => {
    const { stored, key } = await createDataKey("123456", fast);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
    const reopened = await openDataKey(stored, "123456");
    expect(reopened.extractable).toBe(false);
    const anonymous = await createDataKey(null);
    expect(anonymous.key.extractable).toBe(false);
    expect(anonymous.stored.kind).toBe("open");
  });

  it("stores the salt and iterations with the wrapped key, and refuses weak iterations in production", async () => {
    const { stored } = await createDataKey("123456", fast);
    expect(stored).toMatchObject({ kind: "wrapped", iterations: 1000 });
    expect((stored as WrappedKey).salt).toHaveLength(16);
    await expect(createDataKey("123456", { iterations: 1000 })).rejects.toThrow("iterations");
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it("rewraps the same data key under a new PIN", async () => {
    const { stored, key } = await createDataKey("123456", fast);
    const sealed = await seal(key, "s", "kept");
    const rewrapped = await rewrapDataKey(stored as WrappedKey, "123456", "correct horse battery", fast);
    await expect(openDataKey(rewrapped, "123456")).rejects.toBeInstanceOf(WrongSecret);
    expect(await open(await openDataKey(rewrapped, "correct horse battery"), "s", sealed)).toBe("kept");
  });

  it("recognizes the duress PIN from the same derivation that unlocks", async () => {
    const { stored } = await createDataKey("123456", fast);
    const wrapped = stored as WrappedKey;
    const verifier = await createDuressVerifier("999999", wrapped);
    expect(await matchesDuress(await deriveKek("999999", wrapped.salt, wrapped.iterations), verifier)).toBe(true);
    expect(await matchesDuress(await deriveKek("123456", wrapped.salt, wrapped.iterations), verifier)).toBe(false);
  });
});
