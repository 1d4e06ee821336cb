package org.eigenstudy.backend.participant.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The participant link {@code /study/{slug}} (printed at startup, handed out by the researcher API,
 * pasted into MTurk and Prolific). The REST layer sees every path before Quinoa's SPA fallback and
 * answers unknown ones with its JSON 404, so the link is redirected here to the participant page, a
 * real file, keeping the crowd platform's query parameters untouched.
 */
@Path("/study/{slug}")
public class ParticipantPageResource {

    @GET
    public Response page(@PathParam("slug") String slug, @Context UriInfo uri) {
        StringBuilder target =
                new StringBuilder("/study/?study=")
                        .append(URLEncoder.encode(slug, StandardCharsets.UTF_8));
        String query = uri.getRequestUri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            target.append('&').append(query);
        }
        return Response.temporaryRedirect(URI.create(target.toString())).build();
    }
}
