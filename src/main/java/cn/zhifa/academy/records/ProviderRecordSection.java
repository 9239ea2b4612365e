package cn.zhifa.academy.records;

import java.util.Locale;
import java.util.Optional;

/**
 * A feature's contribution to a provider's page (staff qualification states, credit
 * history...). Same contract as {@link PersonRecordSection}.
 */
public interface ProviderRecordSection {

    int order();

    Optional<RecordTable> forProvider(long providerId, Locale locale);
}
