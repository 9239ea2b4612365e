package cn.zhifa.academy.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The default schemes. There is no national scheme for either use (domain brief: "No single
 * national scheme"), so everything here is configuration: items, weights and bands follow the
 * patterns seen in local practice and can be changed per unit through the scheme API.
 */
public final class DefaultSchemes {

    private DefaultSchemes() {
    }

    static BigDecimal n(int v) {
        return BigDecimal.valueOf(v);
    }

    /** 辅助人员责任制考核 (annual): 工作实绩, 纪律作风, 业务能力 (exam), 学习培训 (hours), 群众评价. */
    public static SchemeService.SchemeInput auxiliary(long unitId) {
        return new SchemeService.SchemeInput("FZRY-ZRZKH", "执法辅助人员责任制考核", SubjectKind.AUXILIARY, Cycle.ANNUAL, unitId,
                "默认方案（无全国统一方案，可按单位调整）。业务能力取近 12 个月辅助人员考核或年度考核的最好成绩；学习培训按年度学时目标折算。",
                List.of(new SchemeService.ItemInput("GZSJ", "工作实绩", n(35), n(100), ItemSource.MANUAL, null),
                        new SchemeService.ItemInput("JLZF", "纪律作风", n(20), n(100), ItemSource.MANUAL, null),
                        new SchemeService.ItemInput("YWNL", "业务能力", n(25), n(100), ItemSource.EXAM_SCORE, "AUXILIARY,ANNUAL"),
                        new SchemeService.ItemInput("XXPX", "学习培训", n(10), n(100), ItemSource.TRAINING_HOURS, null),
                        new SchemeService.ItemInput("QZPJ", "群众评价", n(10), n(100), ItemSource.MANUAL, null)),
                List.of(new SchemeService.BandInput("优秀", n(90), n(100), "可优先续聘、评先", null),
                        new SchemeService.BandInput("合格", n(75), n(90), "", null),
                        new SchemeService.BandInput("基本合格", n(60), n(75), "约谈提醒，限期改进", null),
                        new SchemeService.BandInput("不合格", n(0), n(60), "连续两次不合格：启动辞退审查", 2)));
    }

    /** 第三方机构信用评价 (annual): 70 supervising department + 10 government credit + 20 social evaluation. */
    public static SchemeService.SchemeInput provider(long unitId) {
        return new SchemeService.SchemeInput("DSFJG-XYPJ", "第三方机构信用评价", SubjectKind.PROVIDER, Cycle.ANNUAL, unitId,
                "基础分 100 = 主管部门评价 70 + 政府信用记录 10 + 社会评价 20，另按本周期信用事件加减（投诉、牟利扣分，信用修复加分）。",
                List.of(new SchemeService.ItemInput("ZGBM", "主管部门评价", n(70), n(70), ItemSource.MANUAL, null),
                        new SchemeService.ItemInput("ZFXY", "政府信用记录", n(10), n(10), ItemSource.MANUAL, null),
                        new SchemeService.ItemInput("SHPJ", "社会评价", n(20), n(20), ItemSource.MANUAL, null)),
                List.of(new SchemeService.BandInput("AA", n(90), n(100), "优先委托", null),
                        new SchemeService.BandInput("A", n(80), n(90), "", null),
                        new SchemeService.BandInput("B", n(70), n(80), "", null),
                        new SchemeService.BandInput("C", n(60), n(70), "约谈整改", null),
                        new SchemeService.BandInput("D", n(0), n(60), "可暂停委托，期间不得新增委托", null)));
    }
}
