package io.crossroads.network;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private notes with AES-256-GCM. Every note is sealed with the current key and a fresh
 * nonce, bound to its interview (the interview id is the associated data, so a ciphertext moved to
 * another row does not open). The key id is kept with the ciphertext, so older notes still open
 * after the current key changes.
 */
final class NoteCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A sealed note as stored. */
  record Sealed(String keyId, String nonce, String ciphertext) {}

  private final Map<String, SecretKey> keys;
  private final String current;

  NoteCipher(Map<String, SecretKey> keys, String current) {
    if (!keys.containsKey(current)) {
      throw new IllegalArgumentException("the current key " + current + " is not among the keys");
    }
    this.keys = Map.copyOf(keys);
    this.current = current;
  }

  /**
   * Keys written as {@code id:base64,id:base64}, each 32 bytes (AES-256). Names the offending entry
   * without ever printing a key.
   */
  static Map<String, SecretKey> keys(String spec) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String[] parts = entry.strip().split(":", 2);
      if (parts.length != 2 || parts[0].isBlank()) {
        throw new IllegalArgumentException("a key is written as id:base64");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(parts[1].strip());
      } catch (IllegalArgumentException notBase64) {
        throw new IllegalArgumentException("key " + parts[0] + " is not base64");
      }
      if (key.length != 32) {
        throw new IllegalArgumentException("key " + parts[0] + " must be 32 bytes (AES-256)");
      }
      keys.put(parts[0].strip(), new SecretKeySpec(key, "AES"));
    }
    return keys;
  }

  /** A new random 256-bit key, base64. */
  static String newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  Sealed seal(String text, UUID interviewId) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed =
        crypt(
            Cipher.ENCRYPT_MODE,
            keys.get(current),
            nonce,
            interviewId,
            text.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder base64 = Base64.getEncoder();
    return new Sealed(current, base64.encodeToString(nonce), base64.encodeToString(sealed));
  }

  String open(Sealed sealed, UUID interviewId) {
    SecretKey key = keys.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException("no key " + sealed.keyId() + " to open this note with");
    }
    Base64.Decoder base64 = Base64.getDecoder();
    return new String(
        crypt(
            Cipher.DECRYPT_MODE,
            key,
            base64.decode(sealed.nonce()),
            interviewId,
            base64.decode(sealed.ciphertext())),
        StandardCharsets.UTF_8);
  }

  private static byte[] crypt(int mode, SecretKey key, byte[] nonce, UUID interviewId, byte[] in) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(
          ByteBuffer.allocate(16)
              .putLong(interviewId.getMostSignificantBits())
              .putLong(interviewId.getLeastSignificantBits())
              .array());
      return cipher.doFinal(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the note could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
    }
  }
}
