package cn.zhifa.academy.curriculum;

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

/** Imports the repository's courses/ at start when {@code academy.learning.import-at-start}. */
@Singleton
public class CourseImportStartup {

    private static final Logger LOG = Logger.getLogger(CourseImportStartup.class);

    @Inject
    CurriculumConfig config;

    @Inject
    CourseImporter importer;

    @Inject
    ContentFingerprints fingerprints;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (!config.importAtStart()) {
            return;
        }
        Path folder = Path.of(config.coursesFolder());
        if (!folder.toFile().isDirectory()) {
            LOG.infof("no course folder at %s: nothing imported", folder.toAbsolutePath());
            return;
        }
        long t0 = System.currentTimeMillis();
        try {
            // issue 16: an unchanged folder (same files, sizes and times) is not read again
            ContentFingerprints.Fingerprint fp = ContentFingerprints.of(folder, "courses-1");
            if (fingerprints.unchanged("courses", folder, fp)) {
                LOG.infof("courses in %s unchanged since the last import (%d files): not read", folder, fp.files());
                return;
            }
            CourseImporter.Report r = importer.importFolder(folder, "system");
            fingerprints.store("courses", folder, fp);
            LOG.infof("courses imported from %s: %d new, %d revised, %d unchanged", folder, r.created().size(),
                    r.revised().size(), r.unchanged().size());
        } catch (ContentInvalidException e) {
            LOG.errorf("courses in %s were NOT imported:%n  %s", folder,
                    String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
        } finally {
            StartupClock.record("courses", System.currentTimeMillis() - t0);
        }
    }
}
