package cn.zhifa.academy.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Objects as files below a root folder. A put writes to a temporary file in the same folder
 * and renames it into place, so a reader never sees half an object.
 */
public class FileSystemObjectStore implements ObjectStore {

    private final Path root;

    public FileSystemObjectStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    @Override
    public String backend() {
        return "filesystem";
    }

    @Override
    public void put(String key, InputStream in, long size, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(".upload-" + UUID.randomUUID());
        try {
            long copied = Files.copy(in, tmp);
            if (copied != size) {
                throw new IOException("expected " + size + " bytes, got " + copied);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        Path p = resolve(key);
        return Files.isRegularFile(p) ? Optional.of(Files.size(p)) : Optional.empty();
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        SeekableByteChannel ch = Files.newByteChannel(resolve(key));
        ch.position(offset);
        return new BoundedInputStream(Channels.newInputStream(ch), length);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public Optional<URI> presignedDownload(String key, Duration expiry) {
        return Optional.empty();
    }

    @Override
    public void check() throws IOException {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IOException("media folder " + root + " is not a writable directory");
        }
    }

    /**
     * Creates the file with CREATE_NEW (never replaces one) and makes it read-only. A local
     * file is only as safe as the machine's permissions: keep the anchor folder on storage the
     * database host and its administrators cannot write (see docs/operations.md).
     */
    @Override
    public boolean putOnce(String key, byte[] bytes, String contentType, Duration retention) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        try {
            Files.write(target, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        }
        target.toFile().setReadOnly();
        return true;
    }

    @Override
    public java.util.List<String> list(String prefix) throws IOException {
        Path dir = resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".upload-"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
        }
    }

    /** Keys never escape the root, whatever they contain. */
    private Path resolve(String key) throws IOException {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IOException("invalid object key");
        }
        return p;
    }
}
