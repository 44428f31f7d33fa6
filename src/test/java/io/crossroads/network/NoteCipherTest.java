package io.crossroads.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Private notes sealed with AES-GCM: only their own key and their own interview open them. */
class NoteCipherTest {

  static final String OLD = NoteCipher.newKey();
  static final String NEW = NoteCipher.newKey();
  final UUID interview = UUID.randomUUID();
  final NoteCipher cipher = new NoteCipher(NoteCipher.keys("k1:" + OLD), "k1");

  @Test
  void aSealedNoteOpensAgainAndHoldsNoPlaintext() {
    NoteCipher.Sealed sealed = cipher.seal("Ask about the pricing team", interview);

    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext())))
        .doesNotContain("pricing");
    assertThat(sealed.ciphertext()).doesNotContain("pricing");
    assertThat(cipher.open(sealed, interview)).isEqualTo("Ask about the pricing team");
  }

  @Test
  void theSameTextSealsDifferentlyEachTime() {
    assertThat(cipher.seal("same", interview).ciphertext())
        .isNotEqualTo(cipher.seal("same", interview).ciphertext());
  }

  @Test
  void aNoteMovedToAnotherInterviewOrChangedDoesNotOpen() {
    NoteCipher.Sealed sealed = cipher.seal("mine", interview);
    byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
    bytes[0] ^= 1;
    NoteCipher.Sealed tampered =
        new NoteCipher.Sealed(
            sealed.keyId(), sealed.nonce(), Base64.getEncoder().encodeToString(bytes));

    assertThatThrownBy(() -> cipher.open(sealed, UUID.randomUUID()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.open(tampered, interview))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void afterTheKeyChangesOldNotesStillOpenAndNewOnesUseTheNewKey() {
    NoteCipher.Sealed before = cipher.seal("written last year", interview);
    NoteCipher rotated = new NoteCipher(NoteCipher.keys("k1:" + OLD + ", k2:" + NEW), "k2");

    assertThat(rotated.open(before, interview)).isEqualTo("written last year");
    assertThat(rotated.seal("this year", interview).keyId()).isEqualTo("k2");
  }

  @Test
  void aBadKeyIsRefusedWithoutShowingIt() {
    assertThatThrownBy(
            () -> NoteCipher.keys("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessage("key k1 must be 32 bytes (AES-256)");
    assertThatThrownBy(() -> NoteCipher.keys("k1:not base64!")).hasMessage("key k1 is not base64");
    assertThatThrownBy(() -> NoteCipher.keys("just-a-key"))
        .hasMessage("a key is written as id:base64");
    assertThatThrownBy(() -> new NoteCipher(NoteCipher.keys("k1:" + OLD), "k9"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
