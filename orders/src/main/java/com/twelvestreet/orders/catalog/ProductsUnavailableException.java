package com.twelvestreet.orders.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Neither the products service nor the replica could price a product: 503, try again shortly. */
public class ProductsUnavailableException extends ErrorResponseException {

    public ProductsUnavailableException(long productId, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(productId), cause);
        getHeaders().set("Retry-After", "5");
    }

    private static ProblemDetail problem(long productId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Product " + productId + " cannot be priced right now: the catalogue is unavailable. Try again shortly.");
        problem.setTitle("Service Unavailable");
        problem.setProperty("service", "products");
        return problem;
    }
}
