package cn.zhifa.academy.platform.web;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Labels that are stored as data but come built in (the default grade bands 优秀/良好/合格/不合格,
 * the person categories): shown in English on English pages, any other text as stored (issue 13
 * item 15). Templates: {@code inject:builtin.label(x)}.
 */
@RequestScoped
@Named("builtin")
public class BuiltinLabels {

    // keys as unicode escapes: no Chinese literals in Java
    private static final Map<String, Function<UxMessages, String>> KNOWN = Map.ofEntries(
            Map.entry("\u4f18\u79c0", UxMessages::builtin_excellent), // 优秀
            Map.entry("\u826f\u597d", UxMessages::builtin_good), // 良好
            Map.entry("\u5408\u683c", UxMessages::builtin_pass), // 合格
            Map.entry("\u57fa\u672c\u5408\u683c", UxMessages::builtin_basic_pass), // 基本合格
            Map.entry("\u4e0d\u5408\u683c", UxMessages::builtin_fail), // 不合格
            Map.entry("\u6267\u6cd5\u4eba\u5458", UxMessages::builtin_officer), // 执法人员
            Map.entry("\u6267\u6cd5\u8f85\u52a9\u4eba\u5458", UxMessages::builtin_auxiliary), // 执法辅助人员
            Map.entry("\u901a\u7528", UxMessages::builtin_general)); // 通用

    @Inject
    LocaleContext locale;

    public String label(Object text) {
        String s = text == null ? "" : text.toString();
        if (!locale.isEnglish()) {
            return s;
        }
        Function<UxMessages, String> f = KNOWN.get(s.trim());
        return f == null ? s : f.apply(MessageBundles.get(UxMessages.class, Localized.Literal.of("en")));
    }
}
