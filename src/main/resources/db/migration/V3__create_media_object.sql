-- Files kept in the object store (filesystem or S3). The row is written only
-- after the bytes are stored, in the same request; the key is never reused.
CREATE TABLE media_object (
    id             BIGSERIAL PRIMARY KEY,
    object_key     VARCHAR(200) NOT NULL UNIQUE,
    filename       VARCHAR(255) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL CHECK (size_bytes >= 0),
    sha256         VARCHAR(64)     NOT NULL,
    uploaded_by    VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
