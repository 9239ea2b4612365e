package cn.zhifa.academy.provider;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.web.AppMessages;

/** Commissioning status of a provider; its name is {@code pstatus_*} of the msg bundle. */
public enum ProviderStatus {
    /** 合作中 */
    ACTIVE,
    /** 暂停 */
    SUSPENDED,
    /** 终止 */
    TERMINATED;

    /** The name in the language of the current request (Chinese outside one). */
    public String label() {
        AppMessages m = "en".equals(ErrorTexts.currentLocale().getLanguage())
                ? MessageBundles.get(AppMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(AppMessages.class);
        return switch (this) {
            case ACTIVE -> m.pstatus_ACTIVE();
            case SUSPENDED -> m.pstatus_SUSPENDED();
            case TERMINATED -> m.pstatus_TERMINATED();
        };
    }
}
