package cn.zhifa.academy.provider;

/** Commissioning status of a provider. */
public enum ProviderStatus {
    /** 合作中 */
    ACTIVE("合作中"),
    /** 暂停 */
    SUSPENDED("暂停"),
    /** 终止 */
    TERMINATED("终止");

    public final String label;

    ProviderStatus(String label) {
        this.label = label;
    }
}
