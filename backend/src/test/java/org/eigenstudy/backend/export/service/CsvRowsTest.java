package org.eigenstudy.backend.export.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static String write(List<String> columns, Object[]... rows) throws Exception {
        StringWriter out = new StringWriter();
        try (CsvRows csv = new CsvRows(out)) {
            csv.columns(columns);
            for (Object[] row : rows) {
                csv.row(row);
            }
        }
        return out.toString();
    }

    @Test
    void quotesOnlyFieldsWithACommaQuoteOrLineBreak() throws Exception {
        // RFC 4180, section 2: fields with CRLF, double quotes or commas are enclosed in quotes,
        // and a quote inside is doubled; other fields (spaces, '#') stay bare.
        assertEquals(
                "a,b,c,d,e,f\r\n lead,x y,#c,\"a,b\",\"q\"\"t\",\"n\nl\"\r\n",
                write(
                        List.of("a", "b", "c", "d", "e", "f"),
                        new Object[] {" lead", "x y", "#c", "a,b", "q\"t", "n\nl"}));
        assertEquals("a\r\n\"cr\rx\"\r\n", write(List.of("a"), new Object[] {"cr\rx"}));
    }

    @Test
    void numbersAndBooleansAsJavaWritesThemNullAsEmpty() throws Exception {
        assertEquals(
                "n,d,s,l,b,x\r\n,1.0,1.0E-7,40,true,1E+3\r\n",
                write(
                        List.of("n", "d", "s", "l", "b", "x"),
                        new Object[] {null, 1.0, 1e-7, 40L, true, new BigDecimal("1E+3")}));
    }

    @Test
    void formulaTextGetsAnApostropheButNegativeNumbersDoNot() throws Exception {
        assertEquals(
                "a,b,c,d\r\n'=SUM(A1),'+1,'@x,-2\r\n",
                write(List.of("a", "b", "c", "d"), new Object[] {"=SUM(A1)", "+1", "@x", -2}));
    }

    @Test
    void anExportWithoutRowsStillHasItsHeader() throws Exception {
        assertEquals("a,b\r\n", write(List.of("a", "b")));
    }
}
