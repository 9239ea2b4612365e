package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The share (0–1) of a provider's staff who hold a valid qualification: the input of a
 * {@link ItemSource#QUALIFIED_SHARE} item. The qualifications feature provides the real bean;
 * until it is present the {@link NoStaffQualificationRate default} answers empty and the item is
 * entered by hand like a manual one.
 */
public interface StaffQualificationRate {

    Optional<BigDecimal> share(long providerId);
}
