package cn.zhifa.academy.provider;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import cn.zhifa.academy.platform.web.LocaleContext;
import cn.zhifa.academy.records.ProviderRecordSection;
import cn.zhifa.academy.records.RecordTable;

/**
 * For the provider page ({@code inject:providerRecords}): every feature's
 * {@link ProviderRecordSection} table, in order. The page has already checked that the viewer
 * may see the provider.
 */
@RequestScoped
@Named("providerRecords")
public class ProviderRecords {

    @Inject
    Instance<ProviderRecordSection> sections;

    @Inject
    LocaleContext locale;

    public List<RecordTable> tables(long providerId) {
        return sections.stream().sorted(Comparator.comparingInt(ProviderRecordSection::order))
                .map(s -> s.forProvider(providerId, locale.getLocale())).flatMap(Optional::stream).toList();
    }
}
