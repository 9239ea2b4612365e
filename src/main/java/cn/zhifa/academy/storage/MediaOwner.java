package cn.zhifa.academy.storage;

/**
 * What a stored file belongs to; {@link MediaAccess} decides who may read it by asking the
 * {@link MediaOwnerRule} of that kind. {@code MediaObject.ownerId} names the owning record.
 */
public enum MediaOwner {
    /** Uploaded through {@code POST /api/v1/media} and not attached yet: the uploader and system administrators. */
    UPLOAD,
    /** A lesson's video, slides or subtitles (owner: course). */
    LESSON_MEDIA,
    /** A typical case's attachment (owner: typical_case). */
    CASE_ATTACHMENT,
    /** An image in a question stem (owner: question). */
    QUESTION_IMAGE,
    /** A roster or question-bank import (owner: roster_import, or none); deleted after the retention. */
    IMPORT_FILE,
    /** Evidence of offline training (owner: person). */
    EVIDENCE,
    /** Evidence of a provider's credit event (owner: provider). */
    CREDIT_EVIDENCE,
    /** A certificate (owner: qualification). */
    CERTIFICATE,
    /** A scanned case file of a review campaign (owner: review_case_file). */
    REVIEW_CASE_FILE,
    /** Rectification evidence answering a supervision recommendation (owner: review_recommendation). */
    REVIEW_EVIDENCE
}
