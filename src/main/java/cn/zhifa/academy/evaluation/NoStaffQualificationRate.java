package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Used while no qualification records exist: the qualified share is entered by hand. */
@ApplicationScoped
@DefaultBean
public class NoStaffQualificationRate implements StaffQualificationRate {

    @Override
    public Optional<BigDecimal> share(long providerId) {
        return Optional.empty();
    }
}
