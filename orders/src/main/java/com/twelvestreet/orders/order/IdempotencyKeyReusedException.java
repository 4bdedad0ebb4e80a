package com.twelvestreet.orders.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The customer sent an idempotency key again, but with a different order: 422, nothing is ordered. */
public class IdempotencyKeyReusedException extends ErrorResponseException {

    public IdempotencyKeyReusedException(String idempotencyKey) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(idempotencyKey), null);
    }

    private static ProblemDetail problem(String idempotencyKey) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency-Key " + idempotencyKey + " was already used for a different order; send a new key for a new order.");
        problem.setTitle("Unprocessable Content");
        return problem;
    }
}
