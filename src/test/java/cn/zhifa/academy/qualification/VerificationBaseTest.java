package cn.zhifa.academy.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Issue 13 item 14: the QR base is the configured public address, else (dev) the request's own address. */
class VerificationBaseTest {

    @Test
    void configuredAddressWinsElseTheRequestsOwn() {
        assertThat(CertificatePdf.base(Optional.of("https://academy.example.gov.cn"), () -> "http://10.0.0.5:8080"))
                .isEqualTo("https://academy.example.gov.cn");
        assertThat(CertificatePdf.base(Optional.empty(), () -> "http://192.168.1.20:8080"))
                .isEqualTo("http://192.168.1.20:8080");
        assertThat(CertificatePdf.base(Optional.of(" "), () -> "https://dev.local")).isEqualTo("https://dev.local");
    }
}
