package com.twelvestreet.platform.problem;

/** Thrown by a service when a resource with the requested id does not exist; answered as a 404 problem. */
public class ResourceNotFoundException extends RuntimeException {

    private final String resource;
    private final Object id;

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist");
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public Object id() {
        return id;
    }
}
