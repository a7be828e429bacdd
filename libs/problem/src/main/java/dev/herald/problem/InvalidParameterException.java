package dev.herald.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query parameter that cannot be read. A {@link jakarta.ws.rs.WebApplicationException}, so that JAX-RS passes it on
 * as it is instead of turning it into the 404 the specification asks for.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
