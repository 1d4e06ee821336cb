package org.eigenstudy.backend.study.service;

import org.eigenstudy.backend.study.StudyRole;

/** A researcher taking part in a study, in a role. */
public record StudyMember(String username, StudyRole role) {}
