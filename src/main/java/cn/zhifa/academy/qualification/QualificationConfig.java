package cn.zhifa.academy.qualification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of qualifications, certificates and their jobs (prefix {@code academy.qualification}). */
@ConfigMapping(prefix = "academy.qualification")
public interface QualificationConfig {

    /**
     * Validity in years of a qualification whose type names none. Default 5: the national
     * 行政执法证 is typically valid for five years (domain brief; provincial rules differ —
     * verify per province and set the type's own validity where it differs).
     */
    @WithDefault("5")
    int validityYears();

    /** Months before expiry when the renewal window opens (换证培训和考试), unless the type says otherwise. */
    @WithDefault("6")
    int renewalWindowMonths();

    /** Days before expiry on which holders and their administrators are reminded. */
    @WithDefault("90,60,30")
    java.util.List<Integer> reminderDays();

    /** How old (in months) a passed exam may be and still earn a qualification. */
    @WithDefault("24")
    int examValidityMonths();

    /**
     * Public base URL of the service; the certificate's QR code points at
     * {@code <base>/verify/<number>}. Set it to the address the public reaches. Unset in dev and
     * test, the address of the request is used; production refuses to start without it.
     */
    java.util.Optional<String> publicBaseUrl();

    /** When the daily qualification job (expiry, renewal windows, reminders, rule sweep) runs (cron, server time). */
    @WithDefault("0 15 3 * * ?")
    String jobCron();

    /** Verification look-ups allowed per client address and minute before 429 (0 = no limit). */
    @WithDefault("30")
    int verifyPerMinute();
}
