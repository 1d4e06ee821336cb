package org.eigenstudy.backend.researcher.service;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented by a script. */
public class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public ApiTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
