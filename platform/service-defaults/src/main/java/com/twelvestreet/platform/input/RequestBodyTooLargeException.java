package com.twelvestreet.platform.input;

import java.io.IOException;

/** A chunked request body crossed the limit while it was read; answered 413 by the problem handler. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
