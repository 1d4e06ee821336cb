package org.eigenstudy.backend.precompute.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The CLI's children get malloc on huge pages, keeping whatever glibc settings the operator made.
 */
class GeometryCliTest {

    @Test
    void hugePagesAreAddedToTheOperatorsTunablesUnlessTheyChose() {
        assertEquals(
                "glibc.malloc.tcache_count=0:glibc.malloc.hugetlb=1",
                GeometryCli.withHugePages("glibc.malloc.tcache_count=0", GeometryCli.HUGE_PAGES));
        assertEquals(
                "glibc.malloc.hugetlb=0",
                GeometryCli.withHugePages("glibc.malloc.hugetlb=0", GeometryCli.HUGE_PAGES));
    }
}
