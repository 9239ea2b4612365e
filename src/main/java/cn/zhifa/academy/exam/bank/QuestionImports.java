package cn.zhifa.academy.exam.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.exam.ExamConfig;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.web.ProblemException;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaService;

/**
 * Spreadsheet import: upload (kept in the object store, so any node can commit) → preview with
 * every bad cell → commit all or nothing. Re-importing the same file changes nothing.
 */
@ApplicationScoped
public class QuestionImports {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    MediaService media;

    @Inject
    cn.zhifa.academy.storage.MediaAccess access;

    @Inject
    QuestionBankService bank;

    @Inject
    ExamConfig config;

    /**
     * What an import would do. {@code paragraphs}: the lines of problems are paragraphs of a Word
     * or text document (issue 17), not spreadsheet rows; {@code images}: images found in it.
     */
    public record Preview(String importId, String filename, int rows, List<String> created, List<String> revised,
            List<String> unchanged, List<ImportProblem> problems, boolean paragraphs, int images) {
        public Preview(String importId, String filename, int rows, List<String> created, List<String> revised,
                List<String> unchanged, List<ImportProblem> problems) {
            this(importId, filename, rows, created, revised, unchanged, problems, false, 0);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    @Inject
    QuestionWordImports words;

    public Preview upload(Path file, String filename, String uploader) throws IOException {
        java.util.Optional<String> wordType = QuestionWord.typeOf(filename);
        if (filename == null || (!filename.toLowerCase().endsWith(".xlsx") && wordType.isEmpty())) {
            throw new ProblemException(415, "Unsupported media type",
                    ErrorTexts.text(ErrorTexts.currentLocale(), "question.import.type"));
        }
        if (file.toFile().length() > config.maxImportBytes()) {
            throw new ProblemException(413, "Payload too large",
                    ErrorTexts.text(ErrorTexts.currentLocale(), "question.import.too_large", config.maxImportBytes() / 1024 / 1024));
        }
        MediaRef m = media.store(file, filename, wordType.orElse(XLSX), uploader,
                cn.zhifa.academy.storage.MediaOwner.IMPORT_FILE, null);
        if (wordType.isPresent()) {
            return words.preview(m);
        }
        return preview(m);
    }

    @Transactional
    Preview preview(MediaRef m) throws IOException {
        QuestionXlsx.Read read = read(m);
        if (!read.problems().isEmpty()) {
            return new Preview(m.publicId().toString(), m.filename(), read.inputs().size(), List.of(), List.of(), List.of(), read.problems());
        }
        QuestionBankService.Preview p = bank.preview(read.inputs());
        return new Preview(m.publicId().toString(), m.filename(), read.inputs().size(), p.created(), p.revised(), p.unchanged(),
                columns(p.problems()));
    }

    private QuestionXlsx.Read read(MediaRef m) throws IOException {
        try (InputStream in = media.read(m, 0, m.sizeBytes())) {
            return QuestionXlsx.read(in);
        }
    }

    private static List<ImportProblem> columns(List<ImportProblem> problems) {
        return problems.stream().map(p -> p.at(null, p.line(), QuestionXlsx.columnOf(p.column()))).toList();
    }

    /** Re-reads the uploaded file, validates again and writes everything, or nothing (422). */
    @Transactional
    public QuestionBankService.ImportReport commit(String importId, String user) throws IOException {
        MediaRef m = access.find(importId)
                .filter(x -> user.equals(x.uploadedBy()) && (XLSX.equals(x.contentType())
                        || QuestionWord.DOCX.equals(x.contentType()) || QuestionWord.TEXT.equals(x.contentType()))
                        && x.ownerKind() == cn.zhifa.academy.storage.MediaOwner.IMPORT_FILE)
                .orElseThrow(() -> new NotFoundException("question.import.not_found"));
        if (!XLSX.equals(m.contentType())) {
            return words.commit(m, user);
        }
        QuestionXlsx.Read read = read(m);
        if (!read.problems().isEmpty()) {
            throw new QuestionImportException(read.problems());
        }
        try {
            return bank.importAll(read.inputs(), user, "xlsx:" + m.filename() + ":" + m.sha256());
        } catch (QuestionImportException e) {
            throw new QuestionImportException(columns(e.problems()));
        }
    }
}
