package cn.zhifa.academy.caselibrary;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.zhifa.academy.organization.OrgLevel;
import io.quarkus.qute.TemplateExtension;
import cn.zhifa.academy.platform.time.Now;

/**
 * View helpers for the case library's templates: message keys of the case enums (texts come from
 * the "cases" bundle in the reader's language) and short formats.
 */
@TemplateExtension
public class CaseTemplateExtensions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Now.zone()); // first used while rendering, so the configured zone

    static String statusKey(CaseStatus s) {
        return "status_" + s.name();
    }

    static String typeKey(CaseType t) {
        return "ctype_" + t.name();
    }

    static String levelKey(OrgLevel l) {
        return "level_" + l.name();
    }

    static String actionKey(CaseImportService.Action a) {
        return "import_action_" + a.name();
    }

    static String facetKey(CaseSearchService.Facet f) {
        return "facet_" + f.name();
    }

    /** The message key of a facet value whose label is translated (case type, level); null for data values. */
    static String valueKey(CaseSearchService.Facet f, CaseSearchService.FacetValue v) {
        return switch (f.name()) {
            case "caseType" -> "ctype_" + v.value();
            case "orgLevel" -> "level_" + v.value();
            default -> null;
        };
    }

    /** 2025-03-18 09:30 in China Standard Time. */
    static String caseTime(Instant i) {
        return i == null ? "" : TIME.format(i);
    }

    /** 12 KB, 3.4 MB. */
    static String sizeText(CaseView.AttachmentView a) {
        long b = a.size();
        if (b < 1024 * 1024) {
            return Math.max(1, b / 1024) + " KB";
        }
        return String.format("%.1f MB", b / (1024.0 * 1024));
    }
}
