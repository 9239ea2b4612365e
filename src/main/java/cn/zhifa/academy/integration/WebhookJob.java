package cn.zhifa.academy.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Turns new qualification history into deliveries and sends what is due ({@code academy.integration.webhook-every}). */
@ApplicationScoped
public class WebhookJob {

    @Inject
    Webhooks webhooks;

    @Scheduled(every = "${academy.integration.webhook-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        webhooks.collect();
        webhooks.deliverDue();
    }
}
