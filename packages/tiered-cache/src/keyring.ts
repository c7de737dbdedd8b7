/**
 * Encryption at rest and keyed hashing of keys, through WebCrypto so the same code runs in
 * Node and in browsers. Two independent keys are derived from one secret with HKDF, so the
 * key-hashing key never doubles as the encryption key.
 */
export interface Keyring {
  /** Encrypts `plain` with AES-256-GCM; `context` (the storage key) is bound as associated data. */
  encrypt(plain: Uint8Array, context: string): Promise<Uint8Array>;
  /** Decrypts what `encrypt` made for the same context; throws when the bytes were tampered with. */
  decrypt(sealed: Uint8Array, context: string): Promise<Uint8Array>;
  /** HMAC-SHA-256 of `text`, base64url: the name a key is stored under in shared tiers. */
  hashKey(text: string): Promise<string>;
}

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const encoder = new TextEncoder();

/** Builds a keyring from a secret of at least 32 bytes (a `Uint8Array`, or a string taken as UTF-8). */
export async function createKeyring(secret: Uint8Array | string): Promise<Keyring> {
  const raw = typeof secret === "string" ? encoder.encode(secret) : secret;
  if (raw.length < 32) throw new RangeError("the encryption secret must be at least 32 bytes");
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey("raw", raw as Uint8Array<ArrayBuffer>, "HKDF", false, ["deriveKey"]);
  const salt = encoder.encode("sextant-tiered-cache");
  const aesKey = await subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info: encoder.encode("aes-256-gcm") },
    base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"],
  );
  const hmacKey = await subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info: encoder.encode("hmac-sha-256 keys") },
    base, { name: "HMAC", hash: "SHA-256", length: 256 }, false, ["sign"],
  );
  return {
    async encrypt(plain, context) {
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = new Uint8Array(await subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: encoder.encode(context) }, aesKey, plain as Uint8Array<ArrayBuffer>,
      ));
      const out = new Uint8Array(1 + IV_BYTES + sealed.length);
      out[0] = FORMAT_VERSION;
      out.set(iv, 1);
      out.set(sealed, 1 + IV_BYTES);
      return out;
    },
    async decrypt(sealed, context) {
      if (sealed.length < 1 + IV_BYTES + 16 || sealed[0] !== FORMAT_VERSION) throw new TypeError("not an encrypted cache entry");
      const plain = await subtle.decrypt(
        { name: "AES-GCM", iv: sealed.slice(1, 1 + IV_BYTES), additionalData: encoder.encode(context) },
        aesKey, sealed.slice(1 + IV_BYTES),
      );
      return new Uint8Array(plain);
    },
    async hashKey(text) {
      const mac = new Uint8Array(await subtle.sign("HMAC", hmacKey, encoder.encode(text)));
      return toBase64Url(mac);
    },
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
