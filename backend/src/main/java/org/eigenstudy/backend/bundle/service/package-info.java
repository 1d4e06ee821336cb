/**
 * Upload rules for stimulus bundles: safe unpacking ({@code BundleArchive}, its {@code
 * ArchiveLimits}), the manifest and every frame's SHA-256 verified before a bundle is kept, and the
 * folders under {@code BundleConfig#folder}.
 */
package org.eigenstudy.backend.bundle.service;
