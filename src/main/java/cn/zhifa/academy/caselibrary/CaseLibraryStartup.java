package cn.zhifa.academy.caselibrary;

import java.nio.file.Path;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.platform.startup.ContentFingerprints;
import cn.zhifa.academy.platform.startup.StartupClock;
import io.quarkus.runtime.StartupEvent;

/**
 * At start: brings index rows made by an older tokenizer up to date, and imports the case folder
 * when {@code academy.cases.import-at-start} is on (dev and test; off in production). Bad
 * content is logged with every problem and never stops the service.
 */
@Singleton
public class CaseLibraryStartup {

    private static final Logger LOG = Logger.getLogger(CaseLibraryStartup.class);

    @Inject
    CasesConfig config;

    @Inject
    CaseImportService imports;

    @Inject
    CaseSearchService search;

    @Inject
    ContentFingerprints fingerprints;

    void start(@Observes @Priority(30) StartupEvent event) {
        long t0 = System.currentTimeMillis();
        try {
            importAtStart();
        } finally {
            StartupClock.record("cases", System.currentTimeMillis() - t0);
        }
    }

    private void importAtStart() {
        try {
            int reindexed = search.reindexStale();
            if (reindexed > 0) {
                LOG.infof("case library: re-indexed %d case(s) for tokenizer version %d", reindexed, CaseTokenizer.VERSION);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "case library: re-indexing failed; search may miss cases until the next start");
        }
        if (!config.importAtStart()) {
            return;
        }
        Path folder = Path.of(config.folder());
        if (!folder.toFile().isDirectory()) {
            LOG.infof("case library: no folder at %s: nothing imported", folder.toAbsolutePath());
            return;
        }
        try {
            // issue 16: an unchanged folder (same files, sizes and times) is not read again
            ContentFingerprints.Fingerprint fp = ContentFingerprints.of(folder, "cases-" + CaseTokenizer.VERSION);
            if (fingerprints.unchanged("cases", folder, fp)) {
                LOG.infof("case library: %s unchanged since the last import (%d files): not read", folder, fp.files());
                return;
            }
            CaseImportService.Outcome o = imports.importFolder(folder, "system", false);
            fingerprints.store("cases", folder, fp);
            LOG.infof("case library: imported %s — %d file(s): %d new, %d new version(s), %d unchanged", folder,
                    o.files(), o.created(), o.revised(), o.unchanged());
        } catch (ContentInvalidException e) {
            LOG.warnf("case library: %s was NOT imported, %d problem(s); fix them and import again:", folder,
                    e.problems().size());
            e.problems().forEach(p -> LOG.warn("  " + p));
        } catch (RuntimeException e) {
            LOG.errorf(e, "case library: importing %s failed; the service runs without it", folder);
        }
    }
}
