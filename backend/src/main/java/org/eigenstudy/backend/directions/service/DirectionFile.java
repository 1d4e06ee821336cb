package org.eigenstudy.backend.directions.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An uploaded, checked file of directions: what check-directions read from it, and {@code path},
 * how a study file names it ({@code stimuli.directions.imported}, relative to the folder study
 * files' paths start from).
 *
 * @param count the vectors in the file (a study may import its first {@code count})
 * @param dim the size of every vector: the latent size of the spaces it fits
 * @param labels one per vector: the CSV's first column, the .npy's labels file, or {@code
 *     <name>-<k>}
 * @param sha256 the file's SHA-256, or with a labels file one over both files' hashes: the folder
 *     it is kept in, part of its path
 */
public record DirectionFile(
        long id,
        String fileName,
        int count,
        int dim,
        List<String> labels,
        String sha256,
        long bytes,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        String path) {

    public DirectionFile {
        labels = List.copyOf(labels);
    }

    DirectionFile withPath(String studyPath) {
        return new DirectionFile(
                id, fileName, count, dim, labels, sha256, bytes, uploadedBy, uploadedAt, studyPath);
    }
}
