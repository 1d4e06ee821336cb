package org.eigenstudy.backend.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.eigenstudy.backend.domain.DomainException;

/**
 * Unpacks an uploaded {@code .zip} into an empty folder, refusing what could harm the server before
 * a byte is written: entry names that leave the folder ({@code ../}, absolute, drive or backslash
 * paths), more entries or more unpacked bytes than the limits, and entries that inflate far beyond
 * their compressed size (zip bombs). The declared sizes of the central directory are checked first
 * and the bytes actually inflated are counted again while writing, since an archive may lie about
 * them. The archive's key file (a stimulus bundle's manifest, a model's card) may sit at its root
 * or inside one top folder (what zipping a folder gives); the folder's name is dropped. Every
 * refusal is a problem on the upload's form field.
 */
public final class SafeUnzip {

    private final ArchiveLimits limits;
    private final String keyFile;
    private final String field;

    /**
     * @param keyFile the file that marks the archive's content folder
     * @param field the upload's form field, which problems name
     */
    public SafeUnzip(ArchiveLimits limits, String keyFile, String field) {
        this.limits = limits;
        this.keyFile = keyFile;
        this.field = field;
    }

    /** Unpacks {@code zip} into {@code folder} (empty); returns the number of bytes written. */
    public long extract(Path zip, Path folder) throws IOException {
        try (ZipFile archive = open(zip)) {
            List<? extends ZipEntry> entries = Collections.list(archive.entries());
            checkDeclared(entries);
            String prefix = manifestPrefix(entries);
            long written = 0;
            for (ZipEntry entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entry.getName().startsWith(prefix)) {
                    // Beside the one top folder that holds the key file: not part of the upload.
                    continue;
                }
                Path target = folder.resolve(entry.getName().substring(prefix.length()));
                Files.createDirectories(target.getParent());
                written += copy(archive, entry, target, limits.maxUnpackedBytes() - written);
            }
            return written;
        }
    }

    private ZipFile open(Path zip) {
        try {
            return new ZipFile(zip.toFile());
        } catch (IOException e) {
            throw refused(
                    "archive",
                    "not a complete .zip archive ("
                            + e.getMessage()
                            + "); upload the whole file again, as a .zip");
        }
    }

    private void checkDeclared(List<? extends ZipEntry> entries) {
        if (entries.size() > limits.maxEntries()) {
            throw refused(
                    "size",
                    "the archive has "
                            + entries.size()
                            + " entries, more than the limit of "
                            + limits.maxEntries());
        }
        long declared = 0;
        for (ZipEntry entry : entries) {
            checkName(entry.getName());
            if (entry.getSize() > 0) {
                declared += entry.getSize();
                checkRatio(entry.getName(), entry.getSize(), entry.getCompressedSize());
            }
        }
        if (declared > limits.maxUnpackedBytes()) {
            throw tooLarge();
        }
    }

    /**
     * A relative path of plain segments: unzipping any other name could write outside the folder or
     * somewhere the platform does not expect.
     */
    private void checkName(String name) {
        boolean bad =
                name.isEmpty()
                        || name.startsWith("/")
                        || name.indexOf('\\') >= 0
                        || name.indexOf('\0') >= 0
                        || (name.length() > 1 && name.charAt(1) == ':');
        for (String segment : name.split("/", -1)) {
            bad |= segment.equals("..") || segment.equals(".");
        }
        if (bad) {
            throw refused(
                    "path",
                    "archive entry '"
                            + name
                            + "' is not a plain relative path inside the bundle (no '..', no"
                            + " absolute or backslash paths)");
        }
    }

    private void checkRatio(String name, long size, long compressed) {
        if (size > limits.ratioFloorBytes() && size > compressed * limits.maxRatio()) {
            throw refused(
                    "size",
                    "archive entry '"
                            + name
                            + "' inflates more than "
                            + limits.maxRatio()
                            + " times its compressed size; stimulus images never do");
        }
    }

    /** "" when the key file is at the root, "top/" when it is in the one top folder "top". */
    private String manifestPrefix(List<? extends ZipEntry> entries) {
        String name = keyFile;
        if (entries.stream().anyMatch(e -> e.getName().equals(name))) {
            return "";
        }
        Optional<String> nested =
                entries.stream()
                        .map(ZipEntry::getName)
                        .filter(n -> n.endsWith("/" + name) && n.indexOf('/') == n.lastIndexOf('/'))
                        .findFirst();
        if (nested.isEmpty()) {
            throw refused(
                    "missing-file",
                    "the archive has no " + name + " at its root or in a top folder");
        }
        return nested.get().substring(0, nested.get().length() - name.length());
    }

    private long copy(ZipFile archive, ZipEntry entry, Path target, long budget)
            throws IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = archive.getInputStream(entry);
                OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                if (written > budget) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException e) {
            throw refused(
                    "archive",
                    "archive entry '"
                            + entry.getName()
                            + "' is damaged ("
                            + e.getMessage()
                            + "); upload the whole file again");
        }
        return written;
    }

    private DomainException tooLarge() {
        return refused(
                "size",
                "the archive unpacks to more than "
                        + limits.maxUnpackedBytes()
                        + " bytes, the limit for a stimulus bundle");
    }

    private DomainException refused(String rule, String message) {
        return DomainException.invalid(message, field, rule);
    }
}
