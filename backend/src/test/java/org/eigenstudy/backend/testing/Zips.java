package org.eigenstudy.backend.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives of a folder, as a researcher would make a stimulus bundle, plus crafted entries. */
public final class Zips {

    private Zips() {}

    /** The folder's files under {@code prefix}, then {@code extra} entries as named. */
    public static byte[] of(Path folder, String prefix, Map<String, byte[]> extra)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(prefix + folder.relativize(file)));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * geometry-core's 32-px StyleGAN2 export (spaces z and w, a W+ module of 8 layers) as a model
     * upload: the card and the files it lists, without the test fixture's reference arrays.
     */
    public static byte[] styleGanExport() throws IOException {
        Path export = Path.of("../geometry-core/src/test/resources/exports/stylegan2-narrow");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes);
                Stream<Path> files = Files.list(export)) {
            for (Path file :
                    files.filter(
                                    f ->
                                            f.toString().endsWith(".pt")
                                                    || f.endsWith("latent_avg.npy")
                                                    || f.endsWith("model-card.json"))
                            .sorted()
                            .toList()) {
                out.putNextEntry(new ZipEntry(file.getFileName().toString()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
