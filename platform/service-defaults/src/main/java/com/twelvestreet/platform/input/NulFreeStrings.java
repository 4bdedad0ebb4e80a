package com.twelvestreet.platform.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON strings with a NUL character (U+0000) are refused while the body is read, so they end as a 400
 * problem: PostgreSQL cannot store NUL in text, and an order whose recipient held one used to fail with
 * a 500 deep in the database.
 */
public final class NulFreeStrings extends StringDeserializer {

    private NulFreeStrings() {
    }

    public static SimpleModule module() {
        return new SimpleModule("twelvestreet-nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(parser, "A text field contains a NUL character (U+0000).", value, String.class);
        }
        return value;
    }
}
