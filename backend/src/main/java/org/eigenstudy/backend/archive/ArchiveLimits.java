package org.eigenstudy.backend.archive;

/**
 * What an uploaded stimulus archive may unpack to.
 *
 * @param maxEntries entries in the archive (files and folders)
 * @param maxUnpackedBytes bytes of all files once unpacked
 * @param maxRatio how many times its compressed size an entry may inflate to
 * @param ratioFloorBytes entries up to this size are exempt from the ratio (a small manifest
 *     compresses well and harms nobody)
 */
public record ArchiveLimits(
        int maxEntries, long maxUnpackedBytes, int maxRatio, long ratioFloorBytes) {}
