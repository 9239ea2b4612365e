package cn.zhifa.academy.people;

/**
 * Fired after a transaction that changed people (create, update, status change, roster import)
 * commits, so that other features (training-plan audiences) can follow the registry without
 * the registry knowing them.
 */
public record PeopleChanged(String reason) {
}
