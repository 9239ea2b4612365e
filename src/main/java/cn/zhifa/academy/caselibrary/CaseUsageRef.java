package cn.zhifa.academy.caselibrary;

/**
 * One place a case is used.
 *
 * @param kind what uses it, e.g. "lesson" (课程) or "question" (试题); pages show it as a tag
 * @param title what the reader sees, e.g. the lesson's title
 * @param url where the link goes (a path inside the platform)
 */
public record CaseUsageRef(String kind, String title, String url) {
}
