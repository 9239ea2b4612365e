package cn.zhifa.academy.evaluation;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The default schemes, seed data kept in {@code evaluation/default-schemes.yaml}. There is no
 * national scheme for either use (domain brief: "No single national scheme"), so everything there
 * is configuration: items, weights and bands follow the patterns seen in local practice and can be
 * changed per unit through the scheme API.
 */
public final class DefaultSchemes {

    static final String FILE = "evaluation/default-schemes.yaml";

    private static final Map<String, SchemeService.SchemeInput> SCHEMES = load();

    private DefaultSchemes() {
    }

    private static Map<String, SchemeService.SchemeInput> load() {
        return Map.copyOf(cn.zhifa.academy.platform.text.ResourceFiles.yaml(FILE,
                new TypeReference<Map<String, SchemeService.SchemeInput>>() {
                }));
    }

    /** 辅助人员责任制考核 (annual): 工作实绩, 纪律作风, 业务能力 (exam), 学习培训 (hours), 群众评价. */
    public static SchemeService.SchemeInput auxiliary(long unitId) {
        return forUnit("auxiliary", unitId);
    }

    /** 第三方机构信用评价 (annual): 70 supervising department + 10 government credit + 20 social evaluation. */
    public static SchemeService.SchemeInput provider(long unitId) {
        return forUnit("provider", unitId);
    }

    private static SchemeService.SchemeInput forUnit(String which, long unitId) {
        SchemeService.SchemeInput s = SCHEMES.get(which);
        return new SchemeService.SchemeInput(s.code(), s.name(), s.subjectKind(), s.cycle(), unitId, s.description(),
                s.items(), s.bands());
    }
}
