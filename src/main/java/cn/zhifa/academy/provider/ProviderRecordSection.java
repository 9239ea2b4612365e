package cn.zhifa.academy.provider;

import java.util.Locale;
import java.util.Optional;

import cn.zhifa.academy.platform.web.RecordTable;

/**
 * A feature's contribution to a provider's page (staff qualification states, credit
 * history...). Same contract as the records feature's {@code PersonRecordSection}.
 */
public interface ProviderRecordSection {

    int order();

    Optional<RecordTable> forProvider(long providerId, Locale locale);
}
