package cn.zhifa.academy.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application with the S3 object store against a real S3Proxy process. */
public class S3Profile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
}
