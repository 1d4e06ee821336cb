package org.eigenstudy.backend.participant.rest;

/** The participant's answer on the consent page. */
public record ConsentRequest(Boolean consent) {}
