package cn.zhifa.academy.platform.security;

import java.util.Optional;

/**
 * The name of a provider (第三方机构) an account manages, for pages that show whose staff a
 * provider manager sees. The provider feature implements it; the platform depends on no feature.
 */
public interface ProviderNames {

    Optional<String> nameOf(long providerId);
}
