package cn.zhifa.academy.exam.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.zhifa.academy.storage.ContentTypes;
import cn.zhifa.academy.storage.MediaRef;
import cn.zhifa.academy.storage.MediaOwner;
import cn.zhifa.academy.storage.MediaService;

/**
 * The Word and text import (issue 17 item 3), the same steps as the spreadsheet's: the upload is
 * kept in the object store, the preview lists every problem with its paragraph, the commit reads
 * the file again and writes all questions or none. An image already stored with the same digest
 * (a re-import) is reused, so the same document imports to "no change".
 */
@ApplicationScoped
public class QuestionWordImports {

    @Inject
    MediaService media;

    @Inject
    QuestionBankService bank;

    Read read(MediaRef m) throws IOException {
        try (InputStream in = media.read(m, 0, m.sizeBytes())) {
            QuestionWord.Read r = QuestionDocxType.isDocx(m.contentType()) ? QuestionWord.readDocx(in)
                    : QuestionWord.readText(in.readAllBytes());
            List<ImportProblem> problems = new ArrayList<>(r.problems());
            for (QuestionWord.Image img : r.images().values()) {
                Optional<String> type = ContentTypes.byFilename(img.filename());
                if (type.isEmpty() || !type.get().startsWith("image/")
                        || !ContentTypes.contentMatches(type.get(), img.bytes(), img.bytes().length)) {
                    problems.add(ImportProblem.of(null, img.paragraph(), QuestionFields.IMAGE, "question.word.image_type"));
                }
            }
            return new Read(r, problems);
        }
    }

    record Read(QuestionWord.Read doc, List<ImportProblem> problems) {
    }

    @Transactional
    QuestionImports.Preview preview(MediaRef m) throws IOException {
        Read read = read(m);
        List<QuestionInput> inputs = withImages(read.doc(), existingImages(read.doc(), m.uploadedBy()));
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        QuestionBankService.Preview p = bank.preview(inputs);
        problems.addAll(read.doc().locate(p.problems()));
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        if (!problems.isEmpty()) {
            return new QuestionImports.Preview(m.publicId().toString(), m.filename(), inputs.size(), List.of(), List.of(),
                    List.of(), problems, true, read.doc().images().size());
        }
        return new QuestionImports.Preview(m.publicId().toString(), m.filename(), inputs.size(), p.created(), p.revised(),
                p.unchanged(), List.of(), true, read.doc().images().size());
    }

    /** Validates again; stores the new images; writes every question or none (422). */
    @Transactional
    QuestionBankService.ImportReport commit(MediaRef m, String user) throws IOException {
        Read read = read(m);
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        QuestionBankService.Preview p = bank.preview(withImages(read.doc(), Map.of()));
        problems.addAll(read.doc().locate(p.problems()));
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
            throw new QuestionImportException(problems);
        }
        Map<String, String> urls = new HashMap<>(existingImages(read.doc(), user));
        for (QuestionWord.Image img : read.doc().images().values()) {
            if (!urls.containsKey(img.sha256())) {
                Path tmp = Files.createTempFile("question-image", "." + img.extension());
                try {
                    Files.write(tmp, img.bytes());
                    MediaRef stored = media.store(tmp, img.filename(), null, user, MediaOwner.UPLOAD, null);
                    urls.put(img.sha256(), MediaService.contentPath(stored));
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
        try {
            return bank.importAll(withImages(read.doc(), urls), user, "word:" + m.filename() + ":" + m.sha256());
        } catch (QuestionImportException e) {
            throw new QuestionImportException(read.doc().locate(e.problems()));
        }
    }

    /** Images of the document already in the store (a question's, or this user's unattached upload). */
    private Map<String, String> existingImages(QuestionWord.Read doc, String user) {
        Map<String, String> urls = new HashMap<>();
        for (String sha : doc.images().keySet()) {
            media.sameContent(sha, MediaOwner.QUESTION_IMAGE, user)
                    .ifPresent(x -> urls.put(sha, MediaService.contentPath(x)));
        }
        return urls;
    }

    private static List<QuestionInput> withImages(QuestionWord.Read doc, Map<String, String> urls) {
        return doc.inputs().stream().map(i -> new QuestionInput(i.file(), i.line(), i.code(), i.type(),
                QuestionWord.withImages(i.stem(), urls), i.options(), i.answer(), i.referenceAnswer(), i.rubric(),
                i.points(), i.explanation(), i.law(), i.articles(), i.domain(), i.difficulty(), i.grades(), i.levels(),
                i.tags(), i.sourceCase())).toList();
    }

    private static final class QuestionDocxType {
        static boolean isDocx(String contentType) {
            return QuestionWord.DOCX.equals(contentType);
        }
    }
}
