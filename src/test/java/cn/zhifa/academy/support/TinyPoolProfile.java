package cn.zhifa.academy.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Three connections, three seconds to get one: a request that holds one pooled connection while
 * it asks for another shows up as acquisition timeouts once a few run at the same time
 * (LearningPoolTest, ExamStartPoolTest).
 */
public class TinyPoolProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", "3", "quarkus.datasource.jdbc.min-size", "0",
                "quarkus.datasource.jdbc.initial-size", "0", "quarkus.datasource.jdbc.acquisition-timeout", "3S");
    }
}
