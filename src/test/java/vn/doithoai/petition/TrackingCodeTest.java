package vn.doithoai.petition;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingCodeTest {

    @Test
    void aCodeHasThePrefixAndTwoGroupsOfFourUnambiguousSymbols() {
        var random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            String code = TrackingCode.next(random);
            assertThat(code).matches("KN-[" + TrackingCode.ALPHABET + "]{4}-[" + TrackingCode.ALPHABET + "]{4}");
            assertThat(code.substring(3)).doesNotContain("0", "O", "1", "I", "L");
        }
    }

    @Test
    void theAlphabetLeavesOutTheCharactersPeopleConfuse() {
        assertThat(TrackingCode.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void theSameRandomSeedGivesTheSameCodes() {
        assertThat(TrackingCode.next(new Random(42))).isEqualTo(TrackingCode.next(new Random(42)));
    }

    @Test
    void codesSpreadOverTheAlphabet() {
        var random = new Random(7);
        Set<String> codes = new HashSet<>();
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = TrackingCode.next(random);
            codes.add(code);
            code.substring(3).replace("-", "").chars().forEach(c -> symbols.add((char) c));
        }
        assertThat(codes).hasSize(2000);
        assertThat(symbols).hasSize(TrackingCode.ALPHABET.length());
    }

    @Test
    void aTypedCodeIsNormalisedWhateverItsCaseSpacesAndDashes() {
        for (String typed : new String[] {"KN-7QX4-M2PD", "kn-7qx4-m2pd", " kn 7qx4 m2pd ", "KN7QX4M2PD",
                "7QX4-M2PD", "7qx4m2pd", "kn\u20137qx4\u00A0m2pd", "KN.7QX4.M2PD"}) {
            assertThat(TrackingCode.normalise(typed)).as(typed).contains("KN-7QX4-M2PD");
        }
    }

    @Test
    void anythingElseIsNotACode() {
        for (String typed : new String[] {null, "", "KN", "KN-7QX4-M2P", "KN-7QX4-M2PDD", "KN-0QX4-M2PD",
                "KN-7QX4-M2PI", "XY-7QX4-M2PD", "KN-7QX4-M2PĐ", "KN-7QX4-M2PD; DROP", "<KN-7QX4-M2PD>"}) {
            assertThat(TrackingCode.normalise(typed)).as(String.valueOf(typed)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aNewCodeIsAlreadyInItsNormalForm() {
        String code = TrackingCode.next(new SecureRandom());
        assertThat(TrackingCode.normalise(code)).contains(code);
    }
}
