package cn.zhifa.academy.exam.bank;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.platform.startup.ContentFingerprints;
import cn.zhifa.academy.platform.startup.StartupClock;
import io.quarkus.runtime.StartupEvent;

/** Imports the repository's question bank at start when {@code academy.exam.import-at-start}. */
@Singleton
public class QuestionBankStartup {

    private static final Logger LOG = Logger.getLogger(QuestionBankStartup.class);

    @Inject
    ExamConfig config;

    @Inject
    QuestionBankService bank;

    @Inject
    ContentFingerprints fingerprints;

    void onStart(@Observes @Priority(40) StartupEvent event) {
        if (!config.importAtStart()) {
            return;
        }
        long t0 = System.currentTimeMillis();
        Path folder = Path.of(config.questionBankFolder());
        try {
            if (!folder.toFile().isDirectory()) {
                importFolder(folder);
                return;
            }
            // issue 16: an unchanged folder (same files, sizes and times) is not read again
            ContentFingerprints.Fingerprint fp = ContentFingerprints.of(folder, "questions-1");
            if (fingerprints.unchanged("questions", folder, fp)) {
                LOG.infof("question bank in %s unchanged since the last import (%d files): not read", folder, fp.files());
                return;
            }
            if (importFolder(folder)) {
                fingerprints.store("questions", folder, fp);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "question bank in %s was NOT imported", folder);
        } finally {
            StartupClock.record("questions", System.currentTimeMillis() - t0);
        }
    }

    /** Never throws: a bad folder is logged with every problem and nothing is written. */
    public boolean importFolder(Path folder) {
        if (!folder.toFile().isDirectory()) {
            LOG.infof("no question bank at %s: nothing imported", folder.toAbsolutePath());
            return false;
        }
        try {
            QuestionYaml.Read read = QuestionYaml.folder(folder);
            if (!read.problems().isEmpty()) {
                throw new QuestionImportException(read.problems());
            }
            QuestionBankService.ImportReport r = bank.importAll(read.inputs(), "system", folder.toString());
            LOG.infof("question bank imported from %s: %d new, %d revised, %d unchanged", folder, r.created().size(),
                    r.revised().size(), r.unchanged().size());
            return true;
        } catch (QuestionImportException e) {
            LOG.errorf("question bank in %s was NOT imported:%n  %s", folder,
                    String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "question bank in %s was NOT imported", folder);
        }
        return false;
    }
}
