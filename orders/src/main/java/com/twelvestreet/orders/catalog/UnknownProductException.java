package com.twelvestreet.orders.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An order names a product that does not exist (or was deleted): 422, nothing is ordered. */
public class UnknownProductException extends ErrorResponseException {

    public UnknownProductException(long productId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(productId), null);
    }

    private static ProblemDetail problem(long productId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "Product " + productId + " does not exist.");
        problem.setTitle("Unprocessable Content");
        problem.setProperty("productId", productId);
        return problem;
    }
}
