package cn.zhifa.academy.people;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.platform.config.AcademyConfig;

/**
 * Keeps resident ID numbers out of the database: stores an HMAC-SHA256 under a server secret,
 * so a number can be checked ("is this the person's number?") and kept unique, but not read back
 * or brute-forced from a leaked table without the secret.
 */
@ApplicationScoped
public class IdNumberHasher {

    @Inject
    AcademyConfig config;

    public String hash(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.people().idHashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(ResidentIds.normalise(idNumber).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(Person p, String idNumber) {
        return ResidentIds.isValid(idNumber) && hash(idNumber).equals(p.idHash);
    }
}
