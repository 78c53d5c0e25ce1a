package org.confluentcollective.web.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.text.ParseException;
import java.util.Collections;
import java.util.List;
import org.glassfish.jersey.message.internal.HttpHeaderReader;

/**
 * Refuses a request whose Content-Type is no media type ({@code ;;;}, {@code /}) or is given
 * twice, or whose Accept is no list of media types, with a JSON 400 that names the header. Jersey
 * answers such a request with a bare 400 of its own, before any exception mapper (the servlet
 * reads Content-Type before the application sees the request).
 */
public final class MediaTypeHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String problem = problem(request);
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.getOutputStream().write(JsonErrorHandler.body(HttpServletResponse.SC_BAD_REQUEST, problem));
    }

    private static String problem(HttpServletRequest request) {
        List<String> types = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
        if (types.size() > 1) {
            return "the " + HttpHeaders.CONTENT_TYPE + " header is given " + types.size() + " times";
        }
        if (types.size() == 1) {
            try {
                MediaType.valueOf(types.get(0));
            } catch (IllegalArgumentException e) {
                return "the " + HttpHeaders.CONTENT_TYPE + " header is no media type: '" + printable(types.get(0)) + "'";
            }
        }
        for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            try {
                HttpHeaderReader.readAcceptMediaType(accept);
            } catch (ParseException | IllegalArgumentException e) {
                return "the " + HttpHeaders.ACCEPT + " header is no list of media types: '" + printable(accept) + "'";
            }
        }
        return null;
    }

    /** The header as sent, cut short and with control characters shown as '?'. */
    private static String printable(String value) {
        String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
