package cn.zhifa.academy.platform.web;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Test access to {@link PageAdmission}'s bound and queue (package-private there). */
@Singleton
public class PageAdmissionProbe {

    @Inject
    PageAdmission admission;

    private int savedLimit = -1;
    private long savedWait;

    public void limit(int pages, long waitMs) {
        if (savedLimit < 0) {
            savedLimit = admission.currentLimit();
            savedWait = admission.currentWaitMillis();
        }
        admission.limit(pages, waitMs);
    }

    public void restore() {
        if (savedLimit >= 0) {
            admission.limit(savedLimit, savedWait);
            savedLimit = -1;
        }
    }

    public boolean hold() {
        return admission.hold();
    }

    public void giveBack() {
        admission.giveBack();
    }

    public int waiting() {
        return admission.waitingCount();
    }

    public int rendering() {
        return admission.runningCount();
    }
}
