package org.eigenstudy.studyconfig.parse;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What a text field must look like; its description is used in error messages. */
record StringRule(String description, Predicate<String> test) {

    static final StringRule ANY = new StringRule("a string", text -> true);
    static final StringRule NON_BLANK = new StringRule("a non-empty string", t -> !t.isBlank());

    static StringRule matching(String regex, String meaning) {
        Pattern pattern = Pattern.compile(regex);
        return new StringRule(
                "a string matching " + regex + " (" + meaning + ")",
                text -> pattern.matcher(text).matches());
    }

    static StringRule upTo(int maxLength) {
        return new StringRule(
                "a string of at most " + maxLength + " characters",
                text -> text.length() <= maxLength);
    }

    static StringRule nonBlankUpTo(int maxLength) {
        return new StringRule(
                "a non-empty string of at most " + maxLength + " characters",
                text -> !text.isBlank() && text.length() <= maxLength);
    }
}
