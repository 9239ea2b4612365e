package cn.zhifa.academy.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CertificateNumbersTest {

    @Test
    void generatedNumbersAreWellFormedDistinctAndSurviveSloppyTyping() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String n = CertificateNumbers.generate("ZF", 2026);
            assertThat(n).startsWith("ZF26-").hasSize(21);
            assertThat(CertificateNumbers.normalise(n)).contains(n);
            assertThat(CertificateNumbers.normalise(" " + n.toLowerCase() + " ")).contains(n);
            seen.add(n);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void aChangedCharacterIsRejectedByTheCheckCharacter() {
        String n = CertificateNumbers.generate("FS", 2026);
        int rejected = 0;
        for (char c : CertificateNumbers.ALPHABET.toCharArray()) {
            String typo = n.substring(0, 5) + c + n.substring(6);
            if (typo.equals(n)) {
                continue;
            }
            if (CertificateNumbers.normalise(typo).isEmpty()) {
                rejected++;
            }
        }
        assertThat(rejected).isEqualTo(31);
        assertThat(CertificateNumbers.normalise("'; DROP TABLE x")).isEmpty();
        assertThat(CertificateNumbers.normalise("ZF26-0000")).isEmpty();
        assertThat(CertificateNumbers.normalise(null)).isEmpty();
    }
}
