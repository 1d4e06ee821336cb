package org.eigenstudy.geometry.stimuli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.eigenstudy.geometry.cli.Main;

/** Runs the geometry CLI in-process and keeps its exit code and stderr. */
record Cli(int exitCode, String err) {

    static synchronized Cli run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Cli(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    /** The lines starting with "error:". */
    java.util.List<String> errors() {
        return err.lines().filter(l -> l.startsWith("error:")).toList();
    }
}
