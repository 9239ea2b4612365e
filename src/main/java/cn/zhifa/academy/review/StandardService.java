package cn.zhifa.academy.review;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import cn.zhifa.academy.platform.audit.AuditLog;
import cn.zhifa.academy.organization.OrgLevel;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.OrgScope;
import cn.zhifa.academy.platform.error.ConflictException;
import cn.zhifa.academy.platform.error.FieldError;
import cn.zhifa.academy.platform.error.InvalidException;
import cn.zhifa.academy.platform.error.NotFoundException;
import cn.zhifa.academy.platform.error.ForbiddenException;
import io.quarkus.runtime.StartupEvent;

/**
 * Scoring standards (评查标准): the shipped default (a YAML file), validation (weights sum to
 * 100, every item has a known knowledge point and deductions, bands from high to 0) and
 * versioning: an edit always writes the next version with the same code and retires the
 * previous one, so the standard a campaign scored by never changes under it.
 */
@ApplicationScoped
public class StandardService {

    private static final Logger LOG = Logger.getLogger(StandardService.class);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    ReviewConfig config;

    @Inject
    ReviewKnowledge knowledge;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    OrgScope scope;

    /** The standard as written in the file and the edit form. */
    public record Doc(String code, String name, List<BandDoc> bands, List<ItemDoc> items) {
    }

    public record BandDoc(String label, BigDecimal min) {
    }

    public record ItemDoc(String code, String category, String name, BigDecimal weight, String knowledge,
            List<DeductionDoc> deductions) {
    }

    public record DeductionDoc(String code, String text, BigDecimal points) {
    }

    /** Loads the shipped default when no standard exists yet (after the knowledge points, before demo data). */
    @Transactional
    void onStart(@Observes @Priority(25) StartupEvent event) {
        if (ReviewStandard.count() > 0) {
            return;
        }
        Path file = Path.of(config.standardFile());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warnf("no review standard file at %s: administrators must create one", file.toAbsolutePath());
            return;
        }
        Read read = read(text);
        if (read.refusal() != null) {
            LOG.errorf("the review standard in %s is invalid and was not loaded: %s", file, read.refusal().getMessage());
            return;
        }
        ReviewStandard s = write(read.doc(), 1, file.getFileName().toString(), "system");
        audit.recordAs("system", "review.standard_loaded", "review_standard", s.id,
                AuditLog.detail("code", s.code, "version", 1, "file", file.toString()));
        LOG.infof("review standard %s loaded from %s", s.code, file);
    }

    /** A standard read from its text: the document, or why it is not one (never both). */
    record Read(Doc doc, InvalidException refusal) {
    }

    /** Reads and validates a standard without throwing (the loader logs a refusal, the API answers it). */
    Read read(String text) {
        Doc doc;
        try {
            doc = YAML.readValue(text == null ? "" : text, Doc.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Read(null, InvalidException.field("yaml", "review.standard_yaml_error", line, e.getOriginalMessage())
                    .titled("Invalid standard"));
        }
        if (doc == null) {
            return new Read(null, InvalidException.field("yaml", "review.standard_empty"));
        }
        List<FieldError> errors = problems(doc);
        return errors.isEmpty() ? new Read(doc, null)
                : new Read(null, InvalidException.fields(errors).titled("Invalid standard"));
    }

    /** Parses and validates a standard; 400 naming the first problem (and every problem in errors). */
    public Doc parse(String text) {
        Read read = read(text);
        if (read.refusal() != null) {
            throw read.refusal();
        }
        return read.doc();
    }

    /** Refuses a standard with problems, naming the first (and every one in errors). */
    void validate(Doc doc) {
        List<FieldError> errors = problems(doc);
        if (!errors.isEmpty()) {
            throw InvalidException.fields(errors).titled("Invalid standard");
        }
    }

    /** What is wrong with a standard, in order; empty when it can be saved. */
    List<FieldError> problems(Doc doc) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(doc.code()) || !doc.code().trim().matches("[A-Za-z0-9-]{1,40}")) {
            errors.add(new FieldError("code", "review.standard_code_invalid"));
        }
        if (blank(doc.name()) || doc.name().length() > 100) {
            errors.add(new FieldError("name", "review.standard_name_invalid"));
        }
        List<BandDoc> bands = doc.bands() == null ? List.of() : doc.bands();
        if (bands.size() < 2) {
            errors.add(new FieldError("bands", "review.standard_bands_few"));
        }
        BigDecimal previous = null;
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            BandDoc b = bands.get(i);
            if (b == null || blank(b.label()) || b.min() == null || b.label().contains(",") || b.label().contains(":")) {
                errors.add(new FieldError("bands[" + i + "]", "review.standard_band_invalid", i + 1));
                if (b != null && b.min() != null) {
                    previous = b.min();
                }
                continue;
            }
            if (!labels.add(b.label().trim())) {
                errors.add(new FieldError("bands[" + i + "]", "review.standard_band_duplicate", b.label()));
            }
            if (b.min().signum() < 0 || b.min().compareTo(HUNDRED) > 0 || previous != null && b.min().compareTo(previous) >= 0) {
                errors.add(new FieldError("bands[" + i + "]", "review.standard_band_order", b.label()));
            }
            previous = b.min();
        }
        if (previous != null && previous.signum() != 0) {
            errors.add(new FieldError("bands", "review.standard_band_zero"));
        }
        List<ItemDoc> items = doc.items() == null ? List.of() : doc.items();
        if (items.isEmpty()) {
            errors.add(new FieldError("items", "review.standard_items_none"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        Set<String> dcodes = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ItemDoc it = items.get(i);
            String f = "items[" + i + "]";
            String label = it == null || blank(it.code()) ? String.valueOf(i + 1) : it.code();
            if (it == null || blank(it.code()) || !it.code().trim().matches("[A-Za-z0-9-]{1,40}") || !codes.add(it.code().trim())) {
                errors.add(new FieldError(f + ".code", "review.standard_item_code", label));
                if (it == null) {
                    continue;
                }
            }
            if (ReviewCategory.parse(it.category()).isEmpty()) {
                errors.add(new FieldError(f + ".category", "review.standard_item_category", label, String.valueOf(it.category())));
            }
            if (blank(it.name()) || it.name().length() > 200) {
                errors.add(new FieldError(f + ".name", "review.standard_item_name", label));
            }
            if (it.weight() == null || it.weight().signum() <= 0) {
                errors.add(new FieldError(f + ".weight", "review.standard_item_weight", label));
            } else {
                sum = sum.add(it.weight());
            }
            if (blank(it.knowledge())) {
                errors.add(new FieldError(f + ".knowledge", "review.standard_item_knowledge_blank", label));
            } else if (!knowledge.exists(it.knowledge())) {
                errors.add(new FieldError(f + ".knowledge", "review.standard_item_knowledge", label, it.knowledge()));
            }
            List<DeductionDoc> ds = it.deductions() == null ? List.of() : it.deductions();
            if (ds.isEmpty()) {
                errors.add(new FieldError(f + ".deductions", "review.standard_item_no_deductions", label));
            }
            for (int j = 0; j < ds.size(); j++) {
                DeductionDoc d = ds.get(j);
                String g = f + ".deductions[" + j + "]";
                if (d == null) {
                    errors.add(new FieldError(g, "review.standard_deduction_invalid", label, j + 1));
                    continue;
                }
                // one message per field, so the form can put each under its input
                if (blank(d.code()) || !d.code().trim().matches("[A-Za-z0-9-]{1,40}") || !dcodes.add(d.code().trim())) {
                    errors.add(new FieldError(g + ".code", "review.standard_deduction_code", label, j + 1));
                }
                if (blank(d.text()) || d.text().length() > 300) {
                    errors.add(new FieldError(g + ".text", "review.standard_deduction_text", label, j + 1));
                }
                if (d.points() == null || d.points().signum() <= 0
                        || it.weight() != null && d.points().compareTo(it.weight()) > 0) {
                    errors.add(new FieldError(g + ".points", "review.standard_deduction_points", label, j + 1,
                            it.weight() == null ? "—" : it.weight().stripTrailingZeros().toPlainString()));
                }
            }
        }
        if (!items.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            errors.add(new FieldError("items", "review.standard_weights_sum", sum.stripTrailingZeros().toPlainString()));
        }
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Every version, newest first per code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewStandard> all() {
        return ReviewStandard.list("ORDER BY code, versionNo DESC");
    }

    /** The active versions (what a new campaign may use). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewStandard> active() {
        return ReviewStandard.list("status = ?1 ORDER BY code", ReviewStandard.Status.ACTIVE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewStandard require(long id) {
        return ReviewStandard.<ReviewStandard> findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("review.not_found"));
    }

    /** The stored version as the document the form and the file use. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Doc doc(ReviewStandard s) {
        List<BandDoc> bands = s.bandList().stream().map(b -> new BandDoc(b.label(), b.min())).toList();
        List<ItemDoc> items = s.items().stream().map(i -> new ItemDoc(i.code, i.category.name(), i.name, i.weight,
                i.knowledgePoint, i.deductions().stream().map(d -> new DeductionDoc(d.code, d.text, d.points)).toList()))
                .toList();
        return new Doc(s.code, s.name, bands, items);
    }

    /** A compact one-line form of a version for the audit trail (items with weights and deduction points). */
    static String summary(String yaml) {
        String flat = yaml.replaceAll("\\s+", " ").trim();
        return flat.length() > 4000 ? flat.substring(0, 4000) + "…" : flat;
    }

    /** The standard as YAML, for the API. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String yaml(ReviewStandard s) {
        try {
            return YAML.writeValueAsString(doc(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An administrator's edit: always the next version of the same code; the edited version is
     * retired (campaigns keep the version they started with).
     */
    @Transactional
    public ReviewStandard edit(long id, String yamlText) {
        checkEditable(require(id));
        return save(id, parse(yamlText));
    }

    /** The browser form's edit: the same validation and versioning as the YAML path. */
    @Transactional
    public ReviewStandard edit(long id, Doc doc) {
        checkEditable(require(id));
        validate(doc);
        return save(id, doc);
    }

    /**
     * A standard is shared by every campaign of the city, so only those who own city-wide
     * configuration change it: system administrators and administrators of the city unit.
     */
    public boolean mayEdit() {
        if (user.isSysadmin()) {
            return true;
        }
        if (!user.isAdmin()) {
            return false;
        }
        OrgScope.UnitFilter f = scope.unitFilter();
        return f instanceof OrgScope.All || f instanceof OrgScope.Subtree s && orgDirectory.unit(s.rootId())
                .map(u -> u.level() == OrgLevel.CITY).orElse(false);
    }

    private void checkEditable(ReviewStandard old) {
        if (!mayEdit()) {
            throw new ForbiddenException("review.standard_edit_forbidden");
        }
        if (old.status == ReviewStandard.Status.RETIRED) {
            throw ConflictException.on("id", "review.standard_retired");
        }
    }

    private ReviewStandard save(long id, Doc doc) {
        ReviewStandard old = require(id);
        if (!doc.code().trim().equals(old.code)) {
            throw InvalidException.field("code", "review.standard_code_fixed", old.code);
        }
        int next = ((Number) ReviewStandard.getEntityManager()
                .createQuery("SELECT MAX(s.versionNo) FROM ReviewStandard s WHERE s.code = ?1").setParameter(1, old.code)
                .getSingleResult()).intValue() + 1;
        old.status = ReviewStandard.Status.RETIRED;
        String actor = user.getUsername() == null ? "system" : user.getUsername();
        ReviewStandard s = write(doc, next, actor, actor);
        audit.record("review.standard_versioned", "review_standard", s.id,
                AuditLog.detail("code", s.code, "version", next, "previous", old.id, "before", summary(yaml(old)),
                        "after", summary(yaml(s))));
        return s;
    }

    ReviewStandard write(Doc doc, int versionNo, String source, String actor) {
        ReviewStandard s = new ReviewStandard();
        s.code = doc.code().trim();
        s.versionNo = versionNo;
        s.name = doc.name().trim();
        s.bands = String.join(",", doc.bands().stream().map(b -> b.label().trim() + ":" + b.min().stripTrailingZeros()
                .toPlainString()).toList());
        s.source = source;
        s.createdBy = actor;
        s.persist();
        int pos = 0;
        for (ItemDoc i : doc.items()) {
            StandardItem it = new StandardItem();
            it.standardId = s.id;
            it.position = pos++;
            it.code = i.code().trim();
            it.category = ReviewCategory.parse(i.category()).orElseThrow();
            it.name = i.name().trim();
            it.weight = i.weight();
            it.knowledgePoint = i.knowledge().trim();
            it.persist();
            int dpos = 0;
            for (DeductionDoc d : i.deductions()) {
                StandardDeduction sd = new StandardDeduction();
                sd.itemId = it.id;
                sd.position = dpos++;
                sd.code = d.code().trim();
                sd.text = d.text().trim();
                sd.points = d.points();
                sd.persist();
            }
        }
        return s;
    }

    @jakarta.inject.Inject
    cn.zhifa.academy.organization.OrgDirectory orgDirectory;

}
