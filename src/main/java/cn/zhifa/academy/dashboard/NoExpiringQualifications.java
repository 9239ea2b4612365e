package cn.zhifa.academy.dashboard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Used while no qualification records exist: the expiry panel says so instead of showing zeros. */
@ApplicationScoped
@DefaultBean
public class NoExpiringQualifications implements ExpiringQualifications {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public long count(String pathPrefix, int fromDays, int toDays) {
        return 0;
    }

    @Override
    public List<Object[]> people(String pathPrefix, int fromDays, int toDays, int limit) {
        return List.of();
    }
}
