package org.eigenstudy.studyconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.studyconfig.parse.StudyConfigReader;

/**
 * Entry point: parses and validates a study YAML file. Every problem is collected before failing,
 * so a researcher fixes a file in one round; see study-config/README.md for the format.
 */
public final class StudyConfigParser {
    private StudyConfigParser() {}

    /**
     * Parses a study file. Problems name the file as given ({@code yaml.toString()}); model cards
     * resolve relative to the file's directory. An unreadable file is a problem too, so callers
     * deal with one exception type.
     */
    public static StudyConfig parse(Path yaml) throws StudyConfigException {
        String name = yaml.toString();
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(Files.readAllBytes(yaml)))
                            .toString();
        } catch (CharacterCodingException notUtf8) {
            throw fileProblem(name, "is not UTF-8 text");
        } catch (IOException unreadable) {
            throw fileProblem(name, "cannot be read: " + describe(unreadable));
        }
        Path directory = yaml.toAbsolutePath().getParent();
        return StudyConfigReader.read(text, name, directory);
    }

    /**
     * Parses YAML text. {@code sourceName} names it in problems; relative card paths resolve
     * against the directory {@code sourceName} would be in (the working directory for a bare name).
     */
    public static StudyConfig parse(String yamlText, String sourceName)
            throws StudyConfigException {
        Path directory;
        try {
            directory = Path.of(sourceName).toAbsolutePath().getParent();
        } catch (InvalidPathException notAPath) {
            directory = Path.of("").toAbsolutePath();
        }
        return parse(yamlText, sourceName, directory);
    }

    /** Parses YAML text whose relative card paths resolve against {@code baseDirectory}. */
    public static StudyConfig parse(String yamlText, String sourceName, Path baseDirectory)
            throws StudyConfigException {
        return StudyConfigReader.read(yamlText, sourceName, baseDirectory);
    }

    private static StudyConfigException fileProblem(String name, String message) {
        return new StudyConfigException(List.of(new Problem(name, 0, 0, "(file)", message)));
    }

    private static String describe(IOException error) {
        return error instanceof java.nio.file.NoSuchFileException
                ? "no such file"
                : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
