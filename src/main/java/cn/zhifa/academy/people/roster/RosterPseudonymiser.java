package cn.zhifa.academy.people.roster;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.zhifa.academy.people.IdNumberHasher;
import cn.zhifa.academy.people.ResidentIds;

/**
 * Turns an uploaded roster into the copy the service keeps between preview and commit: a UTF-8
 * CSV with the same rows at the same line numbers, in which no resident ID number survives.
 * The ID column holds {@code HMAC:<hash>:<masked>} (what a person row keeps anyway, so the
 * commit can re-validate without the number); a cell that is not a valid ID number becomes
 * "（已脱敏）"; and in every other column (the header included) a valid 18-digit ID number is
 * masked too, in case the header was wrong. The raw upload is never stored.
 */
@ApplicationScoped
public class RosterPseudonymiser {

    static final String REDACTED = RosterColumn.words().get("redacted");

    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");

    @Inject
    IdNumberHasher idHasher;

    /** Writes the pseudonymised copy of {@code lines} to a new temporary file; the caller deletes it. */
    public Path write(List<RosterReader.Line> lines) throws IOException {
        int idCol = -1;
        if (!lines.isEmpty()) {
            List<String> head = lines.get(0).cells();
            for (int i = 0; i < head.size(); i++) {
                Optional<RosterColumn> c = head.get(i) == null ? Optional.empty() : RosterColumn.byHeader(head.get(i));
                if (c.isPresent() && c.get() == RosterColumn.ID_NUMBER) {
                    idCol = i;
                }
            }
        }
        Path out = Files.createTempFile("roster-", ".csv");
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            int next = 1;
            for (RosterReader.Line line : lines) {
                for (; next < line.number(); next++) {
                    w.write("\n"); // keep the line numbers of the upload for the messages
                }
                List<String> cells = line.cells();
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    String cell = cells.get(i) == null ? "" : cells.get(i);
                    String v = next == 1 ? maskIdLike(cell) : i == idCol ? idCell(cell) : maskIdLike(cell);
                    w.write(quote(v));
                }
                w.write("\n");
                next++;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return out;
    }

    private String idCell(String cell) {
        if (cell.isBlank()) {
            return "";
        }
        if (ResidentIds.isValid(cell)) {
            return RosterValidator.TOKEN + idHasher.hash(cell) + ":" + ResidentIds.mask(cell);
        }
        return REDACTED;
    }

    static String maskIdLike(String cell) {
        return ID_LIKE.matcher(cell).replaceAll(m -> ResidentIds.isValid(m.group()) ? ResidentIds.mask(m.group())
                : m.group());
    }

    private static String quote(String v) {
        String oneLine = v.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return "\"" + oneLine.replace("\"", "\"\"") + "\"";
    }
}
