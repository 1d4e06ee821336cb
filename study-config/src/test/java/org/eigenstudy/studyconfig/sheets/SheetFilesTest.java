package org.eigenstudy.studyconfig.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SheetFilesTest {

    @Test
    void namesEveryFileOfAModelAsDocsStimuliMdSaysGeometryCoreWritesThem() {
        assertEquals("sheets", SheetFiles.FOLDER);
        assertEquals(
                List.of("m1.png", "m1-spectrum.png", "m1-homogeneity.png"),
                SheetFiles.images("m1"));
        assertEquals(
                List.of("m1-spectrum.png", "m1-homogeneity.png", "m1-geometry.json"),
                SheetFiles.geometryFiles("m1"));
        assertEquals("m1.png", SheetFiles.contactSheet("m1"));
        assertEquals("m1-geometry.json", SheetFiles.summary("m1"));
    }
}
