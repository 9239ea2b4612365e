package cn.zhifa.academy.provider;

import java.util.List;

/**
 * The staff of a provider as its page lists them. The people feature implements it (people use
 * providers, never the other way round), within the viewer's people scope.
 */
public interface ProviderStaff {

    /** One staff member: {@code statusKey} is the message key of the employment status. */
    record Member(long id, String name, String employeeNo, String statusKey, boolean active) {
    }

    /** The first {@code limit} staff by name, and how many there are. */
    record Page(List<Member> items, long total) {
    }

    Page of(long providerId, int limit);
}
