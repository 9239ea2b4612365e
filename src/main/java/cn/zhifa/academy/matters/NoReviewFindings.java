package cn.zhifa.academy.matters;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** The {@link ReviewFindingsPort} while no case-file review module is installed: nothing known. */
@ApplicationScoped
@DefaultBean
public class NoReviewFindings implements ReviewFindingsPort {

    @Override
    public OptionalLong findings(long townId, String matterCode, String matterName) {
        return OptionalLong.empty();
    }
}
