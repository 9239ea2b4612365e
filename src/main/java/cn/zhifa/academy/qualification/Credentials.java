package cn.zhifa.academy.qualification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A certificate as a signed credential (issue 17 item 4): a W3C Verifiable Credential (data
 * model 2.0) of type OpenBadgeCredential, secured as a compact JWS (ES256, header
 * {@code typ: vc+jwt}, {@code kid} naming the key in {@code /.well-known/jwks.json}). The
 * holder's name is masked as on the public page. The signed validity is the certificate's; the
 * live state (暂扣, 注销) comes from {@code credentialStatus} when the verifier is online.
 */
@ApplicationScoped
public class Credentials {

    public static final String STATUS_PATH = "/api/v1/public/credentials/";

    @Inject
    CredentialKeys keys;

    @Inject
    QualificationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    CertificatePdf certificates;

    String base() {
        return certificates.publicBase();
    }

    /** The credential of a qualification with its certificate's validity. */
    public String issue(QualificationQueries.View v) {
        return sign(claims(v, v.issuedOn(), v.expiresOn()));
    }

    /** The credential with the given validity (tests sign expired ones this way). */
    public String issue(QualificationQueries.View v, LocalDate from, LocalDate until) {
        return sign(claims(v, from, until));
    }

    Map<String, Object> claims(QualificationQueries.View v, LocalDate from, LocalDate until) {
        ZoneId zone = ZoneId.of(config.zone());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        vc.put("id", base() + "/verify/" + v.number());
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", base(), "type", List.of("Profile"), "name", v.issuingBody()));
        vc.put("validFrom", from.atStartOfDay(zone).toInstant().toString());
        vc.put("validUntil", until.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1).toString());
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", base() + "/qualification-types/" + v.typeCode());
        achievement.put("type", List.of("Achievement"));
        achievement.put("name", v.typeName());
        achievement.put("criteria", Map.of("narrative", v.domainName()));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("name", QualificationQueries.maskName(v.personName()));
        subject.put("unit", v.unitName());
        subject.put("certificateNumber", v.number());
        subject.put("achievement", achievement);
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", Map.of("id", base() + STATUS_PATH + v.number() + "/status", "type",
                "AcademyLiveStatus"));
        return vc;
    }

    String sign(Map<String, Object> claims) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "ES256");
            header.put("typ", "vc+jwt");
            header.put("kid", keys.activeKid());
            String input = b64(json.writeValueAsBytes(header)) + "." + b64(json.writeValueAsBytes(claims));
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(keys.activeKey());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a credential", e);
        }
    }

    /** What a verifier concludes from the credential alone (the same rules as the page's script). */
    public enum Check {
        VALID, EXPIRED, NOT_YET_VALID, BAD_SIGNATURE, UNKNOWN_KEY, MALFORMED
    }

    public Check verify(String jwt, Instant now) {
        try {
            String[] parts = jwt.trim().split("\\.");
            if (parts.length != 3) {
                return Check.MALFORMED;
            }
            Map<?, ?> header = json.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
            var key = keys.publicKey(String.valueOf(header.get("kid")));
            if (key.isEmpty() || !"ES256".equals(header.get("alg"))) {
                return Check.UNKNOWN_KEY;
            }
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initVerify(key.get());
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Check.BAD_SIGNATURE;
            }
            Map<?, ?> vc = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            if (now.isBefore(Instant.parse(String.valueOf(vc.get("validFrom"))))) {
                return Check.NOT_YET_VALID;
            }
            return now.isAfter(Instant.parse(String.valueOf(vc.get("validUntil")))) ? Check.EXPIRED : Check.VALID;
        } catch (Exception e) {
            return Check.MALFORMED;
        }
    }

    /** The address a QR code carries: the offline page with the credential in the fragment (never sent to a server). */
    public String offlineUrl(String jwt) {
        return base() + "/verify/offline#vc=" + jwt;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
