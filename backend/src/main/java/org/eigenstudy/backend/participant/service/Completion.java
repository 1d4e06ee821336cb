package org.eigenstudy.backend.participant.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What the participant page does at the end: show a code, redirect, or post the MTurk form. {@code
 * withdrawalCode} is the participant's own code to withdraw with, now or later.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Completion(
        String kind, String code, String redirectUrl, SubmitForm form, String withdrawalCode) {

    /** A form the page posts to Mechanical Turk. */
    public record SubmitForm(String action, String method, Map<String, String> fields) {}
}
