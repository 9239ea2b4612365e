package cn.zhifa.academy.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import cn.zhifa.academy.platform.web.Problem;

/**
 * The browser form of a scoring standard (评查标准): the name, the bands as rows, and one box per
 * item (code, dimension, name, weight, knowledge point) holding its deductions as rows (text,
 * points). Blank rows and boxes are ignored and one blank of each is offered after the filled
 * ones, so an administrator adds an item or a deduction by filling the blank. Deduction codes
 * are kept in hidden fields (reviewers never see them) and made up for new rows. Errors of the
 * service's validation come back by field name and are shown under the field they concern.
 *
 * <p>Field names: {@code name}; {@code bandLabel}/{@code bandMin} (parallel lists);
 * {@code items} (number of item boxes), then per box n {@code i<n>_code}, {@code i<n>_category},
 * {@code i<n>_name}, {@code i<n>_weight}, {@code i<n>_knowledge}, {@code i<n>_remove} and the
 * parallel lists {@code i<n>_dcode}, {@code i<n>_dtext}, {@code i<n>_dpoints}.
 */
public final class StandardForm {

    public static final class BandRow {
        public String label = "";
        public String min = "";
        public String error;
    }

    public static final class DeductionRow {
        public String code = "";
        public String text = "";
        public String points = "";
        public String textError;
        public String pointsError;

        boolean blank() {
            return text.isBlank() && points.isBlank();
        }
    }

    public static final class ItemRow {
        public int index;
        public String code = "";
        public String category = "";
        public String name = "";
        public String weight = "";
        public String knowledge = "";
        public List<DeductionRow> deductions = new ArrayList<>();
        public final Map<String, String> errors = new HashMap<>();

        boolean blank() {
            return code.isBlank() && name.isBlank() && weight.isBlank() && deductions.stream().allMatch(DeductionRow::blank);
        }

        /** The message for one field of the item (code, category, name, weight, knowledge, deductions), or null. */
        public String error(String field) {
            return errors.get(field);
        }

        public boolean categoryIs(String c) {
            return c.equalsIgnoreCase(category);
        }

        public boolean knowledgeIs(String c) {
            return c.equals(knowledge);
        }

        /** Whether the item or one of its deductions has an error (its box opens). */
        public boolean hasErrors() {
            return !errors.isEmpty() || deductions.stream().anyMatch(d -> d.textError != null || d.pointsError != null);
        }

        /** The chosen dimension's name in the request's language ("—" when none). */
        public String categoryLabel() {
            ReviewMessages m = ReviewText.now();
            return ReviewCategory.parse(category).map(c -> switch (c) {
                case SUBJECT -> m.category_SUBJECT();
                case EVIDENCE -> m.category_EVIDENCE();
                case LAW -> m.category_LAW();
                case PROCEDURE -> m.category_PROCEDURE();
                case DOCUMENTS -> m.category_DOCUMENTS();
                case DISCRETION -> m.category_DISCRETION();
                case ARCHIVE -> m.category_ARCHIVE();
            }).orElse("—");
        }

        /** Deductions filled in (the blank row offered to add one is not counted). */
        public int filledDeductions() {
            return (int) deductions.stream().filter(d -> !d.blank()).count();
        }

        /** A blank item box is marked so the page can say "fill to add an item". */
        public boolean isNew() {
            return blank();
        }
    }

    public String code = "";
    public String name = "";
    public String nameError;
    public String bandsError;
    public String itemsError;
    public List<BandRow> bands = new ArrayList<>();
    public List<ItemRow> items = new ArrayList<>();
    /** Deduction codes posted, also of rows cleared now: a new row never takes a deleted one's code. */
    private final Set<String> postedCodes = new HashSet<>();
    /** Every error of the last save, in the service's order (the summary on top of the form). */
    public List<String> allErrors = new ArrayList<>();

    private StandardForm() {
    }

    /** The form of a stored version, with a blank band, deduction row and item to add. */
    public static StandardForm of(StandardService.Doc doc) {
        StandardForm f = new StandardForm();
        f.code = doc.code();
        f.name = doc.name();
        for (StandardService.BandDoc b : doc.bands()) {
            BandRow r = new BandRow();
            r.label = b.label();
            r.min = plain(b.min());
            f.bands.add(r);
        }
        for (StandardService.ItemDoc i : doc.items()) {
            ItemRow r = new ItemRow();
            r.code = i.code();
            r.category = i.category();
            r.name = i.name();
            r.weight = plain(i.weight());
            r.knowledge = i.knowledge();
            for (StandardService.DeductionDoc d : i.deductions()) {
                DeductionRow dr = new DeductionRow();
                dr.code = d.code();
                dr.text = d.text();
                dr.points = plain(d.points());
                r.deductions.add(dr);
            }
            f.items.add(r);
        }
        return f.withBlanks();
    }

    /** Reads the posted form; blank rows and removed items are dropped. */
    public static StandardForm read(String code, MultivaluedMap<String, String> in) {
        StandardForm f = new StandardForm();
        f.code = code;
        f.name = first(in, "name");
        List<String> labels = all(in, "bandLabel");
        List<String> mins = all(in, "bandMin");
        for (int i = 0; i < Math.max(labels.size(), mins.size()); i++) {
            BandRow r = new BandRow();
            r.label = at(labels, i);
            r.min = at(mins, i);
            if (!r.label.isBlank() || !r.min.isBlank()) {
                f.bands.add(r);
            }
        }
        int n;
        try {
            n = Math.min(200, Integer.parseInt(first(in, "items")));
        } catch (NumberFormatException e) {
            n = 0;
        }
        for (int i = 0; i < n; i++) {
            String p = "i" + i + "_";
            if (!first(in, p + "remove").isBlank()) {
                continue;
            }
            ItemRow r = new ItemRow();
            r.code = first(in, p + "code");
            r.category = first(in, p + "category");
            r.name = first(in, p + "name");
            r.weight = first(in, p + "weight");
            r.knowledge = first(in, p + "knowledge");
            List<String> dcodes = all(in, p + "dcode");
            List<String> texts = all(in, p + "dtext");
            List<String> points = all(in, p + "dpoints");
            dcodes.stream().filter(c -> c != null && !c.isBlank()).forEach(c -> f.postedCodes.add(c.trim()));
            for (int j = 0; j < Math.max(texts.size(), points.size()); j++) {
                DeductionRow d = new DeductionRow();
                d.code = at(dcodes, j);
                d.text = at(texts, j);
                d.points = at(points, j);
                if (!d.blank()) {
                    r.deductions.add(d);
                }
            }
            if (!r.blank()) {
                f.items.add(r);
            }
        }
        return f;
    }

    /**
     * The document the service validates. Numbers that cannot be read become null, which the
     * validation reports for that field; deduction codes missing on new rows are made up from
     * the item's code.
     */
    public StandardService.Doc toDoc() {
        List<StandardService.BandDoc> bs = bands.stream().map(b -> new StandardService.BandDoc(b.label.trim(), number(b.min)))
                .toList();
        Set<String> used = new HashSet<>(postedCodes);
        items.forEach(i -> i.deductions.forEach(d -> {
            if (!d.code.isBlank()) {
                used.add(d.code.trim());
            }
        }));
        Set<String> itemCodes = new HashSet<>();
        items.forEach(i -> itemCodes.add(i.code.trim()));
        List<StandardService.ItemDoc> is = new ArrayList<>();
        int n = 1;
        for (ItemRow i : items) {
            if (i.code.isBlank()) {
                // a new item needs no code from the administrator: reviewers see names only
                while (itemCodes.contains("ITEM" + n)) {
                    n++;
                }
                i.code = "ITEM" + n;
                itemCodes.add(i.code);
            }
            List<StandardService.DeductionDoc> ds = new ArrayList<>();
            int k = 1;
            for (DeductionRow d : i.deductions) {
                if (d.code.isBlank()) {
                    String base = i.code.isBlank() ? "D" : i.code.trim();
                    while (used.contains(base + "-" + k)) {
                        k++;
                    }
                    d.code = base + "-" + k;
                    used.add(d.code);
                }
                ds.add(new StandardService.DeductionDoc(d.code.trim(), d.text.trim(), number(d.points)));
            }
            is.add(new StandardService.ItemDoc(i.code.trim(), i.category.trim(), i.name.trim(), number(i.weight),
                    i.knowledge.trim(), ds));
        }
        return new StandardService.Doc(code, name.trim(), bs, is);
    }

    /** Puts each error of a failed save under its field (field names as {@link StandardService#validate} writes them). */
    public StandardForm attach(List<Problem.FieldError> errors) {
        for (Problem.FieldError e : errors) {
            allErrors.add(e.message());
            String f = e.field() == null ? "" : e.field();
            if (f.equals("name") || f.equals("code")) {
                nameError = join(nameError, e.message());
            } else if (f.equals("bands")) {
                bandsError = join(bandsError, e.message());
            } else if (f.startsWith("bands[")) {
                int i = index(f, "bands[");
                if (i >= 0 && i < bands.size()) {
                    bands.get(i).error = join(bands.get(i).error, e.message());
                } else {
                    bandsError = join(bandsError, e.message());
                }
            } else if (f.equals("items")) {
                itemsError = join(itemsError, e.message());
            } else if (f.startsWith("items[")) {
                int i = index(f, "items[");
                if (i < 0 || i >= items.size()) {
                    itemsError = join(itemsError, e.message());
                    continue;
                }
                ItemRow r = items.get(i);
                String rest = f.substring(f.indexOf(']') + 1);
                if (rest.startsWith(".deductions[")) {
                    int j = index(rest, ".deductions[");
                    String part = rest.substring(rest.indexOf(']') + 1);
                    if (j >= 0 && j < r.deductions.size()) {
                        DeductionRow d = r.deductions.get(j);
                        if (part.equals(".points")) {
                            d.pointsError = join(d.pointsError, e.message());
                        } else {
                            d.textError = join(d.textError, e.message());
                        }
                    } else {
                        r.errors.merge("deductions", e.message(), StandardForm::join);
                    }
                } else {
                    r.errors.merge(rest.startsWith(".") ? rest.substring(1) : "code", e.message(), StandardForm::join);
                }
            } else {
                itemsError = join(itemsError, e.message());
            }
        }
        return this;
    }

    /** One blank band, a blank deduction row per item and a blank item at the end (to add one). */
    public StandardForm withBlanks() {
        bands.add(new BandRow());
        for (ItemRow i : items) {
            i.deductions.add(new DeductionRow());
        }
        ItemRow blank = new ItemRow();
        blank.deductions.add(new DeductionRow());
        blank.deductions.add(new DeductionRow());
        items.add(blank);
        for (int i = 0; i < items.size(); i++) {
            items.get(i).index = i;
        }
        return this;
    }

    /** The sum of the weights as typed (unreadable ones count 0), shown beside the items. */
    public String weightSum() {
        BigDecimal sum = BigDecimal.ZERO;
        for (ItemRow i : items) {
            BigDecimal w = number(i.weight);
            if (w != null) {
                sum = sum.add(w);
            }
        }
        return plain(sum);
    }

    public boolean weightSumOk() {
        BigDecimal s = new BigDecimal(weightSum());
        return s.compareTo(StandardService.HUNDRED) == 0;
    }

    static BigDecimal number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            // full-width digits and point (what a Chinese input method types) as their ASCII forms
            return new BigDecimal(java.text.Normalizer.normalize(s.trim(), java.text.Normalizer.Form.NFKC));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String plain(BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }

    private static int index(String f, String prefix) {
        try {
            return Integer.parseInt(f.substring(prefix.length(), f.indexOf(']', prefix.length())));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : a + " " + b;
    }

    private static String first(MultivaluedMap<String, String> in, String key) {
        String v = in.getFirst(key);
        return v == null ? "" : v;
    }

    private static List<String> all(MultivaluedMap<String, String> in, String key) {
        List<String> v = in.get(key);
        return v == null ? List.of() : v;
    }

    private static String at(List<String> l, int i) {
        return i < l.size() && l.get(i) != null ? l.get(i) : "";
    }
}
