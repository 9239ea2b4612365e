package cn.zhifa.academy.exam.bank;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.zhifa.academy.platform.text.FormatWords;

/**
 * The words the question formats share ({@code formats/question-fields.properties}): the names of
 * a question's fields (spreadsheet headers; problems name their column so), the words of a
 * true/false answer, the written organisation levels and the separators of a cell's values.
 */
public final class QuestionFields {

    static final String FORMAT = "question-fields";
    static final FormatWords WORDS = FormatWords.of(FORMAT);

    /** The fields of the format (keys {@code field.*}), by their word: 编号 → code. */
    private static final Map<String, String> FIELD_KEYS = fieldKeys(List.of("code", "type", "stem", "options", "answer",
            "explanation", "law", "articles", "domain", "difficulty", "grades", "levels", "tags", "source_case", "points",
            "reference", "rubric", "image", "knowledge"));

    private static Map<String, String> fieldKeys(List<String> keys) {
        Map<String, String> byWord = new java.util.HashMap<>();
        keys.forEach(k -> byWord.put(WORDS.get("field." + k), k));
        return Map.copyOf(byWord);
    }

    /** The key of a field of the format by its word (编号 → code), or null. */
    public static String fieldKey(String word) {
        return word == null ? null : FIELD_KEYS.get(word.trim());
    }

    static final String CODE = WORDS.get("field.code");
    static final String TYPE = WORDS.get("field.type");
    static final String STEM = WORDS.get("field.stem");
    static final String OPTIONS = WORDS.get("field.options");
    static final String ANSWER = WORDS.get("field.answer");
    static final String EXPLANATION = WORDS.get("field.explanation");
    static final String LAW = WORDS.get("field.law");
    static final String ARTICLES = WORDS.get("field.articles");
    static final String DOMAIN = WORDS.get("field.domain");
    static final String DIFFICULTY = WORDS.get("field.difficulty");
    static final String GRADES = WORDS.get("field.grades");
    static final String LEVELS = WORDS.get("field.levels");
    static final String TAGS = WORDS.get("field.tags");
    static final String SOURCE_CASE = WORDS.get("field.source_case");
    static final String POINTS = WORDS.get("field.points");
    static final String REFERENCE = WORDS.get("field.reference");
    static final String RUBRIC = WORDS.get("field.rubric");
    static final String IMAGE = WORDS.get("field.image");
    static final String KNOWLEDGE = WORDS.get("field.knowledge");

    /** True and false as written back (keys, exports, answers shown). */
    public static final String TRUE = WORDS.get("answer.true");
    public static final String FALSE = WORDS.get("answer.false");
    static final List<String> TRUE_SPELLINGS = WORDS.list("answer.true.spellings");
    static final List<String> FALSE_SPELLINGS = WORDS.list("answer.false.spellings");
    /** Regular expressions: between option letters, between accepted texts, between article numbers. */
    static final String LETTER_SEPARATORS = WORDS.get("answer.letter_separators");
    static final String ALTERNATIVES = WORDS.get("answer.alternatives");
    static final String ARTICLE_SEPARATORS = WORDS.get("articles.separators");

    static final String DEFAULT_DOMAIN = WORDS.get("default.domain");
    static final String DEFAULT_DIFFICULTY = WORDS.get("default.difficulty");

    /** Level (CITY, DISTRICT, TOWN) → its written name. */
    static final Map<String, String> LEVEL_NAMES = Map.of("CITY", WORDS.get("level.CITY"), "DISTRICT",
            WORDS.get("level.DISTRICT"), "TOWN", WORDS.get("level.TOWN"));

    private QuestionFields() {
    }

    /** The values of a list cell or field: separated by commas (also the full-width comma and 、) or spaces. */
    public static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split("[,\uff0c\u3001\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The written name of a level (the town's for anything else, as the export always did). */
    static String levelName(String level) {
        return LEVEL_NAMES.getOrDefault(level, LEVEL_NAMES.get("TOWN"));
    }
}
