package cn.zhifa.academy.exam.delivery;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.platform.time.Now;

/**
 * Submits overdue attempts with every saved answer once the grace period has passed. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so several nodes can run the job at once.
 */
@ApplicationScoped
public class AutoSubmitJob {

    private static final Logger LOG = Logger.getLogger(AutoSubmitJob.class);

    @Inject
    DeliveryService delivery;

    @Inject
    ExamConfig config;

    @Scheduled(every = "${academy.exam.auto-submit-every:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int total = runOnce(Now.instant());
        if (total > 0) {
            LOG.infof("auto-submitted %d overdue attempt(s)", total);
        }
    }

    /** Closes every attempt overdue at {@code now}, batch by batch; returns how many. */
    public int runOnce(Instant now) {
        int total = 0;
        while (true) {
            List<Long> done = delivery.autoSubmitDue(now, config.autoSubmitBatch());
            total += done.size();
            if (done.size() < config.autoSubmitBatch()) {
                return total;
            }
        }
    }
}
